package dev.proctor.chat;

import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.COLON;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.COMMA;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.DOT;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.EXTENSION;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.IDENTIFIER;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.LBRACK;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.LPAREN;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.NOT;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.RBRACK;

import com.hubspot.jinjava.el.ext.AstNamedParameter;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;

/**
 * Jinjava's expression parser with Jinja2's rules where Jinjava's differ:
 * <ul>
 *   <li>{@code not} binds looser than comparisons and tests: {@code not x is defined} is {@code not (x is defined)},
 *       {@code not a == b} is {@code not (a == b)} (Jinjava: {@code (not x) is defined}, always true);</li>
 *   <li>a keyword argument's value is a whole expression: {@code namespace(i=messages|length - 1)} (Jinjava:
 *       {@code (i=messages|length) - 1});</li>
 *   <li>a subscript may be a full Python slice, {@code [start:stop:step]}, read into a {@link PySlice};</li>
 *   <li>{@code and}/{@code or} give an operand and {@code ~} joins Python strings ({@link PyBinary});</li>
 *   <li>a filter or test that does not exist is an error when the expression is read ({@code No filter named 'x'.})
 *       where Jinjava would silently give nothing.</li>
 * </ul>
 *
 * <p>The rest of the grammar is Jinjava's. {@link #value()} reads only postfix attributes, calls and subscripts, as
 * Jinjava does under Jinja2's operator precedence ({@code LegacyOverrides} natural precedence, which
 * {@link Jinja2Engine} always sets); under its legacy precedence Jinjava reads filters there too.
 */
final class Jinja2Parser extends ExtendedParser {

    /** The tree builder that reads expressions with this parser. */
    static final class SyntaxBuilder extends Builder {
        private static final long serialVersionUID = 1L;

        SyntaxBuilder(Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new Jinja2Parser(this, expression);
        }
    }

    Jinja2Parser(Builder context, String input) {
        super(context, input);
        putExtensionHandler(StringConcatOperator.TOKEN, new ExtensionHandler(ExtensionPoint.ADD) {
            @Override
            public AstNode createAstNode(AstNode... children) {
                return new PyBinary(children[0], children[1], PyBinary.Kind.CONCAT);
            }
        });
    }

    /** {@code and} and {@code or} as Python has them, giving an operand ({@link PyBinary}). */
    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        if (operator == AstBinary.AND) {
            return new PyBinary(left, right, PyBinary.Kind.AND);
        }
        if (operator == AstBinary.OR || operator == OrOperator.OP) {
            return new PyBinary(left, right, PyBinary.Kind.OR);
        }
        return super.createAstBinary(left, right, operator);
    }

    /** Jinja2's {@code not}: between {@code and} and the comparisons. */
    @Override
    protected AstNode eq(boolean required) throws ScanException, ParseException {
        if (getToken().getSymbol() == NOT) {
            consumeToken();
            return createAstUnary(eq(true), AstUnary.NOT);
        }
        return super.eq(required);
    }

    /** Call arguments, where {@code name=value} takes a whole expression as its value. */
    @Override
    protected AstParameters params(Symbol left, Symbol right) throws ScanException, ParseException {
        consumeToken(left);
        List<AstNode> args = new ArrayList<>();
        if (getToken().getSymbol() != right) {
            args.add(argument());
            while (getToken().getSymbol() == COMMA) {
                consumeToken();
                if (getToken().getSymbol() == right) { // a trailing comma, which Jinja2 allows
                    break;
                }
                args.add(argument());
            }
        }
        consumeToken(right);
        return createAstParameters(args);
    }

    private AstNode argument() throws ScanException, ParseException {
        if (getToken().getSymbol() == IDENTIFIER && "=".equals(lookahead(0).getImage())
                && lookahead(0).getSymbol() == EXTENSION) {
            String name = consumeToken().getImage();
            consumeToken();
            return new AstNamedParameter(identifier(name), expr(true));
        }
        return expr(true);
    }

    @Override
    protected AstNode value() throws ScanException, ParseException {
        boolean lvalue = true;
        AstNode v = nonliteral();
        if (v == null) {
            v = literal();
            if (v == null) {
                return null;
            }
            lvalue = false;
        }
        while (true) {
            if (getToken().getSymbol() == DOT) {
                consumeToken();
                AstProperty dot = createAstDot(v, consumeToken(IDENTIFIER).getImage(), lvalue);
                v = getToken().getSymbol() == LPAREN ? createAstMethod(dot, params()) : dot;
            } else if (getToken().getSymbol() == LBRACK) {
                v = subscript(v, lvalue);
            } else {
                return v;
            }
        }
    }

    /** {@code [index]}, or a slice with any of start, stop and step. */
    private AstNode subscript(AstNode base, boolean lvalue) throws ScanException, ParseException {
        consumeToken(LBRACK);
        AstNode start = getToken().getSymbol() == COLON ? null : expr(true);
        if (getToken().getSymbol() == RBRACK) {
            consumeToken();
            AstProperty bracket = createAstBracket(base, start, lvalue, true);
            return getToken().getSymbol() == LPAREN ? createAstMethod(bracket, params()) : bracket;
        }
        consumeToken(COLON);
        AstNode stop = atSliceEnd() ? null : expr(true);
        AstNode step = null;
        if (getToken().getSymbol() == COLON) {
            consumeToken();
            step = getToken().getSymbol() == RBRACK ? null : expr(true);
        }
        consumeToken(RBRACK);
        return new PySlice(base, start, stop, step);
    }

    private boolean atSliceEnd() {
        return getToken().getSymbol() == COLON || getToken().getSymbol() == RBRACK;
    }

    /** {@code (a, b)}: a {@link PyTuple}, which prints as Python prints a tuple. */
    @Override
    protected AstTuple createAstTuple(AstParameters parameters) {
        return new TupleNode(parameters);
    }

    private static final class TupleNode extends AstTuple {
        TupleNode(AstParameters elements) {
            super(elements);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return new PyTuple(((PyList) super.eval(bindings, context)).toList());
        }
    }

    /** Filters and tests are identifiers {@code filter:NAME} and {@code exptest:NAME}; one that is unknown is refused. */
    @Override
    protected AstIdentifier createAstIdentifier(String name, int index) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter != null) {
            Context context = interpreter.getContext();
            if (name.startsWith(FILTER_PREFIX) && context.getFilter(name.substring(FILTER_PREFIX.length())) == null) {
                throw new ELException("No filter named '" + name.substring(FILTER_PREFIX.length()) + "'.");
            }
            if (name.startsWith(EXPTEST_PREFIX) && context.getExpTest(name.substring(EXPTEST_PREFIX.length())) == null) {
                throw new ELException("No test named '" + name.substring(EXPTEST_PREFIX.length()) + "'.");
            }
        }
        return super.createAstIdentifier(name, index);
    }
}
