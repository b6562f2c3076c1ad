package io.ace.operation.tablediff;

import io.ace.batch.ReportPublisher;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.compare.MultisetCounts;
import io.ace.batch.compare.RecheckResult;
import io.ace.findings.FindingsScope;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: assembles the diff file and the HTML report from the committed findings of every
 * execution of this run, and records the outcome in the job's context for the launcher.
 */
final class ReportTasklet implements Tasklet {

    static final ExitStatus DIFFERENCES = new ExitStatus("DIFFERENCES", "differences found");

    private final TableDiffRun run;
    private final DiffFileAssembler assembler;

    ReportTasklet(TableDiffRun run, DiffFileAssembler assembler) {
        this.run = run;
        this.assembler = assembler;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        TableDiffRequest request = run.request();
        FindingsScope scope = FindingsScope.of(job.getJobInstance().getInstanceId());
        RecheckResult recheck = RecheckResult.from(job.getExecutionContext());
        DiffFileAssembler.Output output = new DiffFileAssembler.Output(TableDiffRequest.OPERATION, request.runKey(), request.outputDir(),
                request.html(), request.maxHtmlRows());
        DiffFileAssembler.Assembled assembled;
        if (run.table().multiset()) {
            assembled = assembler.writeMultiset(run.comparison(), scope, MultisetCounts.from(job.getExecutionContext()), recheck,
                    job, output);
        } else {
            assembled = assembler.write(run.comparison(), scope, run.plan(job), recheck, job, output);
        }
        ReportPublisher.of(job).files(assembled.reports()).publish(assembled.result().total(), assembled.line());
        contribution.setExitStatus(assembled.result().total() > 0 ? DIFFERENCES : ExitStatus.COMPLETED);
        return RepeatStatus.FINISHED;
    }
}
