package io.infodesk.flywheel.boundary;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * One step of the {@code flywheel-cycle} or {@code model-training} job; the work is in {@link
 * FlywheelSteps}.
 */
@Named("flywheelStep")
@Dependent
public class FlywheelStepBatchlet extends AbstractBatchlet {

  @Inject JobContext job;

  @Inject
  @BatchProperty(name = "step")
  String step;

  @EJB FlywheelSteps steps;

  @Override
  public String process() {
    Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
    steps.run(
        job.getJobName(),
        Long.parseLong(parameters.getProperty("cycleId")),
        step,
        parameters.getProperty("holder"));
    return "COMPLETED";
  }
}
