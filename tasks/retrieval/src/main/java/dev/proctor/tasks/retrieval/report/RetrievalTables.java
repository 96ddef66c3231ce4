package dev.proctor.tasks.retrieval.report;

import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.tasks.retrieval.RetrievalOutcome;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The report's tables: the summary (one row per measure, main score first) and one row per query. */
public final class RetrievalTables {
    private RetrievalTables() {
    }

    public static Table summary(RetrievalOutcome out) {
        Evaluation e = out.evaluation();
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn split = StringColumn.create("split");
        StringColumn retriever = StringColumn.create("retriever");
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn value = DoubleColumn.create("mean");
        IntColumn n = IntColumn.create("queries");
        java.util.List<String> order = new java.util.ArrayList<>(e.measures());
        order.remove(RunScoring.MAIN_MEASURE);
        order.add(0, RunScoring.MAIN_MEASURE);
        for (String m : order) {
            dataset.append(out.dataset().name());
            split.append(out.dataset().split());
            retriever.append(out.config().retriever().id());
            measure.append(m);
            value.append(e.mean(m));
            n.append(e.numQueries());
        }
        return Table.create("summary", dataset, split, retriever, measure, value, n);
    }

    public static Table perQuery(Evaluation e) {
        StringColumn query = StringColumn.create("query_id");
        Table table = Table.create("per_query", query);
        for (String m : e.measures()) {
            table.addColumns(DoubleColumn.create(m));
        }
        for (Map.Entry<String, Map<String, Double>> row : e.perQuery().entrySet()) {
            query.append(row.getKey());
            for (String m : e.measures()) {
                table.doubleColumn(m).append(row.getValue().get(m));
            }
        }
        return table;
    }
}
