package org.latticespark.spark.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AWTError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A drawer that fails as Java2D does on an executor without fonts or native libraries: the row is kept, without
 * plots and with a note. Errors that are not about drawing still fail the task.
 */
class ObservableAnalysisPlotFailureTest {
    private static List<Sample> samples() {
        Random rnd = new Random(5);
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 200; i++) s.add(new Sample(0, i, 0, rnd.nextGaussian()));
        return s;
    }

    private static ObservableAnalysis.PlotDrawer throwing(Throwable t) {
        return (e, o, v, x, g) -> {
            if (t instanceof Error err) throw err;
            throw (RuntimeException) t;
        };
    }

    @Test
    void drawingErrorsKeepTheRowWithANote() {
        SummaryRow plain = ObservableAnalysis.analyze("e", "o", samples(), 2.0, false).row();
        List<Throwable> failures = List.of(
                new UnsatisfiedLinkError("libfontmanager.so: libfreetype.so.6: cannot open shared object file"),
                new NoClassDefFoundError("Could not initialize class sun.awt.X11FontManager"),
                new ExceptionInInitializerError("font configuration"),
                new AWTError("Can't connect to X11 window server"),
                new IllegalStateException("odd data"));
        for (Throwable t : failures) {
            AnalyzedObservable a = ObservableAnalysis.analyze("e", "o", samples(), 2.0, true, throwing(t));
            assertEquals(plain, a.row(), t.toString());
            assertTrue(a.plots().isEmpty(), t.toString());
            String expected = t instanceof Error ? t.toString() : t.getMessage();
            assertEquals("plots not drawn: " + expected, a.plotNote());
        }
    }

    @Test
    void errorsOfTheMachineItselfPropagate() {
        for (Error t : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError())) {
            Error thrown = assertThrows(Error.class,
                    () -> ObservableAnalysis.analyze("e", "o", samples(), 2.0, true, throwing(t)));
            assertSame(t, thrown);
        }
    }

    @Test
    void theDrawerIsNotCalledWithoutPlots() {
        AnalyzedObservable a = ObservableAnalysis.analyze("e", "o", samples(), 2.0, false,
                throwing(new AWTError("must not be drawn")));
        assertTrue(a.plots().isEmpty());
        assertEquals("", a.plotNote());
    }
}
