package dev.proctor.chat;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.mode.ExecutionMode;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

/**
 * How {@code {{ value }}} is written: as Python's {@code str(value)} ({@code True}, {@code 1e-07},
 * {@code {'a': 1}}), and never rendered again. Jinjava's default strategy prints Java's spelling and, with nested
 * interpretation, renders output that looks like a template once more, so a message containing {@code {{ x }}} would
 * be evaluated.
 */
final class Jinja2Output implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;

    /** The execution mode that installs this output in every render's context. */
    static final ExecutionMode MODE = new ExecutionMode() {
        @Override
        public void prepareContext(Context context) {
            context.setExpressionStrategy(new Jinja2Output());
        }
    };

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
        return new RenderedOutputNode(PyRepr.str(interpreter.resolveELExpression(master.getExpr(),
                master.getLineNumber())));
    }
}
