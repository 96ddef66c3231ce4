package dev.proctor.chat;

import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.util.ObjectTruthValue;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/**
 * The binary operators whose Python meaning Jinjava's differ from: {@code and} and {@code or} give one of their
 * operands, not a boolean ({@code message.content or ''} is the content), and {@code ~} joins Python's
 * {@code str()} of both sides ({@code 'a' ~ true} is {@code aTrue}).
 */
final class PyBinary extends AstBinary {
    enum Kind {
        AND("and", AstBinary.AND), OR("or", AstBinary.OR), CONCAT("~", StringConcatOperator.OP);

        private final String symbol;
        private final Operator operator;

        Kind(String symbol, Operator operator) {
            this.symbol = symbol;
            this.operator = operator;
        }
    }

    private final AstNode left;
    private final AstNode right;
    private final Kind kind;

    PyBinary(AstNode left, AstNode right, Kind kind) {
        super(left, right, kind.operator);
        this.left = left;
        this.right = right;
        this.kind = kind;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object l = left.eval(bindings, context);
        return switch (kind) {
            case AND -> ObjectTruthValue.evaluate(l) ? right.eval(bindings, context) : l;
            case OR -> ObjectTruthValue.evaluate(l) ? l : right.eval(bindings, context);
            case CONCAT -> PyRepr.str(l) + PyRepr.str(right.eval(bindings, context));
        };
    }

    @Override
    public void appendStructure(StringBuilder b, Bindings bindings) {
        left.appendStructure(b, bindings);
        b.append(' ').append(kind.symbol).append(' ');
        right.appendStructure(b, bindings);
    }

    @Override
    public int getCardinality() {
        return 2;
    }

    @Override
    public AstNode getChild(int i) {
        return i == 0 ? left : i == 1 ? right : null;
    }

    @Override
    public String toString() {
        return kind.symbol;
    }
}
