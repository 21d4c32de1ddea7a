package org.latticespark.spark.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.RunPipeline;
import org.latticespark.spark.analyze.AnalyzeJob;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.measure.MeasureJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The subcommands. */
final class Commands {
    private Commands() {}

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Run the Markov chains of every ensemble (flow ensembles: proposals as Spark tasks, then the "
                    + "Metropolis-Hastings chains) and write <output>/configurations.")
    static final class Generate extends JobCommand {
        @Option(names = "--resume", description = "Continue every chain from its last stored configuration and "
                + "append to <output>/configurations (removes the measurements, analysis and run.json made from it).")
        boolean resume;

        @Override
        void checkBeforeSpark(RunConfig config) {
            RunPipeline.checkResumeOptions(resume, overwrite);
            if (resume) {
                GenerateJob.requireResumable(hadoop(config), config.layout().configurations());
            } else {
                AtomicOutput.checkTarget(hadoop(config), config.layout().configurations(), overwrite);
            }
        }

        @Override
        void execute(SparkSession spark, RunConfig config, PrintWriter out) {
            if (resume) {
                GenerateJob.Result r = new GenerateJob(spark, config).resume();
                out.print(resumed(r));
            } else {
                GenerateJob.Result r = new GenerateJob(spark, config).run(overwrite);
                out.printf(Locale.ROOT, "generate: %d configurations -> %s (%.1f s, backends %s)%n", r.configurations(),
                        r.path(), r.wallTime().toMillis() / 1000.0, r.backendsByEnsemble());
            }
            out.flush();
        }
    }

    /** What a resume did, one line. */
    static String resumed(GenerateJob.Result r) {
        if (r.written() == 0) {
            return String.format(Locale.ROOT, "generate --resume: all %d chains are complete in %s; nothing written%n",
                    r.completeChains(), r.path());
        }
        return String.format(Locale.ROOT, "generate --resume: appended %d configurations (%d chains resumed, %d started, "
                + "%d complete) -> %s, %d in all (%.1f s, backends %s)%n", r.written(), r.resumedChains(),
                r.startedChains(), r.completeChains(), r.path(), r.configurations(), r.wallTime().toMillis() / 1000.0,
                r.backendsByEnsemble());
    }

    @Command(name = "measure", mixinStandardHelpOptions = true,
            description = "Measure every configuration of <output>/configurations and write <output>/measurements.")
    static final class Measure extends JobCommand {
        @Override
        void checkBeforeSpark(RunConfig config) {
            AtomicOutput.requireInput(hadoop(config), config.layout().configurations(), "configuration table");
            AtomicOutput.checkTarget(hadoop(config), config.layout().measurements(), overwrite);
        }

        @Override
        void execute(SparkSession spark, RunConfig config, PrintWriter out) {
            MeasureJob.Result r = new MeasureJob(spark, config).run(overwrite);
            out.printf(Locale.ROOT, "measure: %d measurements -> %s (%.1f s)%n", r.rows(), r.path(),
                    r.wallTime().toMillis() / 1000.0);
            out.flush();
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Γ-method analysis of <output>/measurements; prints a table and writes <output>/analysis "
                    + "(summary.csv, summary.json, report.html, report.md, plots/).")
    static final class Analyze extends JobCommand {
        @Override
        void checkBeforeSpark(RunConfig config) {
            AtomicOutput.requireInput(hadoop(config), config.layout().measurements(), "measurement table");
            AtomicOutput.checkTarget(hadoop(config), config.layout().analysis(), overwrite);
        }

        @Override
        void execute(SparkSession spark, RunConfig config, PrintWriter out) {
            AnalyzeJob.Result r = new AnalyzeJob(spark, config).run(overwrite);
            out.print(r.summary().table());
            out.printf(Locale.ROOT, "analyze: -> %s (%.1f s)%n", r.path(), r.wallTime().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "report: %s%n", r.reportHtml());
            out.flush();
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "train the flows that have no weights yet, generate, measure and analyze in one session; "
                    + "writes <output>/run.json too.")
    static final class Run extends JobCommand {
        @Option(names = "--resume", description = "Continue every chain from its last stored configuration, append to "
                + "<output>/configurations, then measure and analyze the whole table again (replacing those outputs).")
        boolean resume;

        @Override
        void checkBeforeSpark(RunConfig config) {
            RunPipeline.checkResumeOptions(resume, overwrite);
            if (resume) {
                GenerateJob.requireResumable(hadoop(config), config.layout().configurations());
                return;
            }
            for (String p : new String[] {config.layout().configurations(), config.layout().measurements(),
                    config.layout().analysis(), config.layout().runJson()}) {
                AtomicOutput.checkTarget(hadoop(config), p, overwrite);
            }
        }

        @Override
        void execute(SparkSession spark, RunConfig config, PrintWriter out) {
            RunPipeline.Result r = new RunPipeline(spark, config).overwrite(overwrite).resume(resume).run();
            if (resume) out.print(resumed(r.generate()));
            out.print(r.analyze().summary().table());
            out.printf(Locale.ROOT, "run: generate %.1f s, measure %.1f s, analyze %.1f s, total %.1f s -> %s%n",
                    r.generate().wallTime().toMillis() / 1000.0, r.measure().wallTime().toMillis() / 1000.0,
                    r.analyze().wallTime().toMillis() / 1000.0, r.wallTime().toMillis() / 1000.0, r.runJson());
            out.printf(Locale.ROOT, "report: %s%n", r.analyze().reportHtml());
            out.flush();
        }
    }
}
