package org.latticespark.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** Look shared by all plots: size, fonts, colours and strokes. */
final class Style {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    /** matplotlib's "tab10" cycle, familiar from pyerrors' plots; replica r gets {@code CYCLE[r % 10]}. */
    private static final Color[] CYCLE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    static final Color DATA = new Color(0x1f77b4);
    static final Color MODEL = new Color(0xd62728);
    static final Color MARKER_LINE = new Color(0xd62728);
    static final Color REFERENCE = new Color(0x2ca02c);
    static final Color AXIS_LINE = new Color(0x404040);
    static final Color TEXT = new Color(0x202020);
    static final Color FRAME = new Color(0x808080);
    static final Color GRID = new Color(0xe6e6e6);
    static final Color BAR_FILL = new Color(0x9ec5e6);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static final BasicStroke THIN = new BasicStroke(1f);
    static final BasicStroke LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke THICK = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);

    static final int MARKER_SIZE = 7;

    private Style() {
    }

    static Color cycle(int index) {
        return CYCLE[index % CYCLE.length];
    }

    /** The colour at the given opacity (0..1), for bands and fills. */
    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }
}
