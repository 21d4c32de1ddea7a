package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --resume} and {@code run --resume} from the command line (each call starts its own Spark). */
class ResumeCliTest {
    @TempDir
    Path dir;

    private Path conf(String name, String ensemble) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "name = cli\nensembles = [ { name = hb, lattice = [4, 4, 4, 4], chains = 2, thermalization = 2, "
                + "heatbath.overrelaxation = 1, " + ensemble + " } ]\n");
        return p;
    }

    @Test
    void resumeFromTheCommandLine() throws Exception {
        Path out = dir.resolve("out");
        String o = out.toString();
        CliTest.Outcome first = CliTest.cli("generate", conf("two.conf", "configurations = 2").toString(), "--output", o,
                "--master", "local[2]");
        assertEquals(0, first.status(), first.err());

        Path four = conf("four.conf", "configurations = 4");
        CliTest.Outcome run = CliTest.cli("run", four.toString(), "--resume", "--output", o, "--master", "local[2]");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("generate --resume: appended 4 configurations (2 chains resumed, 0 started, 0 complete)")
                && run.out().contains("8 in all"), run.out());
        assertTrue(run.out().contains("plaquette") && run.out().contains("tau_int"), run.out());
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"configurations_written\": 4"));

        CliTest.Outcome changed = CliTest.cli("generate", conf("beta.conf", "configurations = 4, beta = 5.5").toString(),
                "--resume", "--output", o, "--master", "local[1]");
        assertEquals(Main.BAD_INPUT, changed.status(), changed.err());
        assertTrue(changed.err().contains("ensemble=hb chain=0 update=6") && changed.err().contains("beta (stored 6.0"),
                changed.err());
        assertFalse(changed.err().contains("\tat "), changed.err());

        CliTest.Outcome again = CliTest.cli("generate", four.toString(), "--resume", "--output", o, "--master", "local[1]");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("all 2 chains are complete") && again.out().contains("nothing written"), again.out());
        assertTrue(Files.exists(out.resolve("run.json")), "a resume that wrote nothing removed run.json");
    }
}
