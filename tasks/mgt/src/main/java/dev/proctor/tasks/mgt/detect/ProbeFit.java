package dev.proctor.tasks.mgt.detect;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.FitExample;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.SubjectFit;
import dev.proctor.api.task.TaskItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervised probe: L2-regularised logistic regression on text embeddings, solved by LIBLINEAR (the solver
 * scikit-learn's {@code LogisticRegression(solver='liblinear')} calls: primal trust-region Newton, an intercept as a
 * feature of value 1, one-vs-rest for more than two classes, tolerance 1e-4). It is trained on the train items; its
 * C is the one of {@link #C_GRID} with the highest dev accuracy (ties to the smaller C), or 1 when there are no dev
 * items to tune on (evaluating dev itself).
 */
public final class ProbeFit implements SubjectFit {
    public static final List<Double> C_GRID = List.of(0.01, 0.1, 1.0, 10.0, 100.0);
    static final double DEFAULT_C = 1.0;
    private static final double TOLERANCE = 1e-4;
    private static final double BIAS = 1.0;

    private final Model model;
    private final int dimension;
    private final Map<String, Object> description;

    private ProbeFit(Model model, int dimension, Map<String, Object> description) {
        this.model = model;
        this.dimension = dimension;
        this.description = description;
    }

    /**
     * @param train the examples to learn from
     * @param dev   the examples to choose C on; empty to take C = 1
     */
    public static ProbeFit train(List<FitExample> train, List<FitExample> dev) {
        if (train.isEmpty()) {
            throw new ProctorException("no train item to fit the probe on");
        }
        Linear.disableDebugOutput();
        int dimension = vector(train.get(0).responses()).length;
        Problem problem = problem(train, dimension);
        if (problem.y.length > 0 && java.util.Arrays.stream(problem.y).distinct().count() < 2) {
            throw new ProctorException("the train items hold one class only; a probe needs at least two");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", "logistic regression, L2, LIBLINEAR " + Linear.getVersion() + " (L2R_LR), bias feature 1,"
                + " tolerance " + TOLERANCE);
        d.put("trainItems", train.size());
        d.put("dimension", dimension);
        double bestC = DEFAULT_C;
        Model best = null;
        if (dev.isEmpty()) {
            d.put("c", DEFAULT_C);
            d.put("chosenOn", "nothing: no dev items (evaluating dev); C fixed at 1");
        } else {
            double bestAccuracy = -1;
            Map<String, Double> grid = new LinkedHashMap<>();
            for (double c : C_GRID) {
                Model m = fit(problem, c);
                double accuracy = accuracy(m, dev, dimension);
                grid.put(Double.toString(c), accuracy);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestC = c;
                    best = m;
                }
            }
            d.put("c", bestC);
            d.put("chosenOn", "dev");
            d.put("devItems", dev.size());
            d.put("devAccuracyByC", grid);
        }
        return new ProbeFit(best != null ? best : fit(problem, bestC), dimension, d);
    }

    private static Model fit(Problem problem, double c) {
        Linear.resetRandom();
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, c, TOLERANCE));
    }

    private static Problem problem(List<FitExample> examples, int dimension) {
        Problem p = new Problem();
        p.l = examples.size();
        p.n = dimension + 1;
        p.bias = BIAS;
        p.x = new Feature[p.l][];
        p.y = new double[p.l];
        for (int i = 0; i < p.l; i++) {
            p.x[i] = features(vector(examples.get(i).responses()), dimension);
            p.y[i] = examples.get(i).score().value(ItemValues.GOLD);
        }
        return p;
    }

    private static double accuracy(Model m, List<FitExample> examples, int dimension) {
        long correct = 0;
        for (FitExample e : examples) {
            double predicted = Linear.predict(m, features(vector(e.responses()), dimension));
            correct += predicted == e.score().value(ItemValues.GOLD) ? 1 : 0;
        }
        return (double) correct / examples.size();
    }

    private static float[] vector(List<Response> responses) {
        if (!(responses.get(0) instanceof Embedding e)) {
            throw new IllegalArgumentException("the probe reads an embedding, got " + responses.get(0));
        }
        return e.vector();
    }

    /** Dense features 1..d, then the intercept's feature d+1 of value {@link #BIAS}. */
    private static Feature[] features(float[] v, int dimension) {
        if (v.length != dimension) {
            throw new ProctorException("an embedding of " + v.length + " dimensions among ones of " + dimension);
        }
        List<Feature> f = new ArrayList<>(dimension + 1);
        for (int j = 0; j < dimension; j++) {
            f.add(new FeatureNode(j + 1, v[j]));
        }
        f.add(new FeatureNode(dimension + 1, BIAS));
        return f.toArray(Feature[]::new);
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }

    @Override
    public ItemScore apply(TaskItem item, ItemScore unfitted, List<Response> responses) {
        double[] probabilities = new double[model.getNrClass()];
        int predicted = (int) Linear.predictProbability(model, features(vector(responses), dimension), probabilities);
        int[] labels = model.getLabels();
        double machine = Double.NaN;
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (int k = 0; k < labels.length; k++) {
            byLabel.put(Integer.toString(labels[k]), probabilities[k]);
            if (labels.length == 2 && labels[k] == 1) {
                machine = probabilities[k];
            }
        }
        return ItemValues.decided(unfitted, predicted, machine, Map.of("probabilities", byLabel));
    }
}
