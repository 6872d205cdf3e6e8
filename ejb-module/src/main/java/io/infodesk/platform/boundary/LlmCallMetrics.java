package io.infodesk.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code infodesk_llm_calls_total{result}} and {@code infodesk_llm_call_micros_total{result}}:
 * every call to the LLM endpoint as its caller saw it, after retries, time-outs and the circuit
 * breaker (this interceptor runs outside MicroProfile Fault Tolerance's, which has priority
 * PLATFORM_AFTER + 10). Results: ok, timeout, circuit_open, error.
 */
@LlmCallsMetered
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class LlmCallMetrics {

  @Inject MetricRegistry metrics;

  @AroundInvoke
  Object measure(InvocationContext call) throws Exception {
    long started = System.nanoTime();
    String result = "ok";
    try {
      return call.proceed();
    } catch (TimeoutException e) {
      result = "timeout";
      throw e;
    } catch (CircuitBreakerOpenException e) {
      result = "circuit_open";
      throw e;
    } catch (Exception | Error e) {
      result = "error";
      throw e;
    } finally {
      Tag tag = new Tag("result", result);
      metrics
          .counter(
              Metadata.builder()
                  .withName("infodesk.llm.calls")
                  .withDescription("Calls to the LLM endpoint, by result")
                  .build(),
              tag)
          .inc();
      metrics
          .counter(
              Metadata.builder()
                  .withName("infodesk.llm.call.micros")
                  .withDescription("Time spent in calls to the LLM endpoint, in microseconds")
                  .build(),
              tag)
          .inc((System.nanoTime() - started) / 1000);
    }
  }
}
