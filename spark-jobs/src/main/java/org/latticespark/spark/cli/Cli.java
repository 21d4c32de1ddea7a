package org.latticespark.spark.cli;

import java.io.PrintWriter;
import org.latticespark.spark.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The picocli command tree and its exit-status rules. */
@Command(name = "latticespark", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Lattice field theory Monte Carlo on Apache Spark.",
        subcommands = {TrainCommand.class, Commands.Generate.class, Commands.Measure.class, Commands.Analyze.class, Commands.Run.class,
                ErrorsCommand.class, FitCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:failure", "2:bad input (configuration, options, existing output, corrupt data)"})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: train, generate, measure, analyze, run, errors, fit or bench");
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            RuntimeException bad = Main.badInput(ex);
            if (bad != null) {
                cmd.getErr().println("latticespark: error: " + bad.getMessage());
                cmd.getErr().flush();
                return Main.BAD_INPUT;
            }
            cmd.getErr().println("latticespark: failed: " + ex);
            ex.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return Main.FAILURE;
        });
        return cl;
    }

    /** Version from the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"latticespark " + (v == null ? "(development build)" : v) + ", Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java " + System.getProperty("java.version")};
        }
    }
}
