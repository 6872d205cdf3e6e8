package io.infodesk.training.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.infodesk.routing.model.LinearHead;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Trains a student router head with DJL's PyTorch engine: a softmax layer over the inputs, with an
 * optional ReLU hidden layer (the MiniLM MLP). Deterministic for a seed, on the GPU when DJL
 * reports one and on the CPU otherwise, with early stopping on a validation split; the best weights
 * come back as a {@link LinearHead} of plain arrays.
 */
public final class StudentTrainer {

  /** Hyper-parameters. {@code hidden} 0 means no hidden layer. */
  public record Settings(
      int hidden, int maxEpochs, int batchSize, float learningRate, int patience, long seed) {}

  /** The trained head, where it trained, and how it went. */
  public record Result(
      LinearHead head,
      String device,
      int epochs,
      double validationAccuracy,
      List<Double> history) {}

  private StudentTrainer() {}

  public static Device device() {
    return Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }

  /**
   * @param x training inputs, one row each
   * @param y their label indices
   * @param onEpoch told the number of each finished epoch, for progress
   */
  public static Result train(
      float[][] x,
      int[] y,
      float[][] validX,
      int[] validY,
      int labels,
      Settings s,
      IntConsumer onEpoch) {
    if (x.length == 0 || x.length != y.length || validX.length != validY.length) {
      throw new IllegalArgumentException("inputs and labels must be non-empty and of equal length");
    }
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) s.seed());
    Device device = device();
    int inputs = x[0].length;
    try (Model model = Model.newInstance("student", device, "PyTorch");
        NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
      SequentialBlock net = new SequentialBlock();
      if (s.hidden() > 0) {
        net.add(Linear.builder().setUnits(s.hidden()).build()).add(Activation.reluBlock());
      }
      net.add(Linear.builder().setUnits(labels).build());
      model.setBlock(net);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(
                  Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build())
              .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, inputs));
        NDArray data = manager.create(x);
        NDArray label = manager.create(toFloat(y));
        ArrayDataset dataset =
            new ArrayDataset.Builder()
                .setData(data)
                .optLabels(label)
                .setSampling(s.batchSize(), true)
                .build();
        NDArray validData = validX.length == 0 ? null : manager.create(validX);
        double best = -1;
        LinearHead bestHead = null;
        int bestEpoch = 0;
        List<Double> history = new ArrayList<>();
        int epoch = 0;
        while (epoch < s.maxEpochs() && epoch - bestEpoch <= s.patience()) {
          epoch++;
          for (Batch batch : trainer.iterateDataset(dataset)) {
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            batch.close();
          }
          double accuracy = validData == null ? 0 : accuracy(trainer, validData, validY);
          history.add(accuracy);
          if (accuracy > best) {
            best = accuracy;
            bestEpoch = epoch;
            bestHead = export(model, s.hidden() > 0);
          }
          onEpoch.accept(epoch);
        }
        return new Result(bestHead, device.toString(), epoch, best, history);
      } catch (Exception e) {
        throw new IllegalStateException("training failed: " + e.getMessage(), e);
      }
    }
  }

  private static double accuracy(Trainer trainer, NDArray validData, int[] validY) {
    NDArray logits = trainer.evaluate(new NDList(validData)).singletonOrThrow();
    long[] predicted = logits.argMax(1).toLongArray();
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == validY[i]) {
        correct++;
      }
    }
    return (double) correct / predicted.length;
  }

  /** Copies the weights out of the engine: [out][in] matrices and biases, in layer order. */
  static LinearHead export(Model model, boolean hidden) {
    List<float[][]> weights = new ArrayList<>();
    List<float[]> biases = new ArrayList<>();
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      NDArray a = p.getValue().getArray();
      if (p.getKey().endsWith("weight")) {
        long[] shape = a.getShape().getShape();
        float[] flat = a.toFloatArray();
        float[][] m = new float[(int) shape[0]][(int) shape[1]];
        for (int r = 0; r < m.length; r++) {
          System.arraycopy(flat, r * m[0].length, m[r], 0, m[0].length);
        }
        weights.add(m);
      } else {
        biases.add(a.toFloatArray());
      }
    }
    return hidden
        ? new LinearHead(weights.get(0), biases.get(0), weights.get(1), biases.get(1))
        : new LinearHead(null, null, weights.get(0), biases.get(0));
  }

  private static float[] toFloat(int[] y) {
    float[] f = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      f[i] = y[i];
    }
    return f;
  }
}
