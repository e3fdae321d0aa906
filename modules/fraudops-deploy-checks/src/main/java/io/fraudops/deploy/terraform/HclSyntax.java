package io.fraudops.deploy.terraform;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The syntax tree of an HCL file, from hcl4j's lexer. hcl4j's public {@code HCLParser} goes on to
 * evaluate the tree, and an evaluation drops exactly what these checks need: a reference that
 * cannot be resolved becomes {@code null}. The lexer's tree keeps every block, attribute and
 * traversal ({@code var.x}, {@code module.m.o}) with its line, so it is read here, through
 * reflection because hcl4j keeps the lexer package-private.
 */
final class HclSyntax {

  private static final Constructor<?> LEXER;
  private static final Method YYLEX;
  private static final Field ELEMENTS;
  private static final Field OPEN_BLOCK;
  private static final Method STATE;

  static {
    try {
      Class<?> lexer = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
      LEXER = lexer.getDeclaredConstructor(Reader.class);
      LEXER.setAccessible(true);
      YYLEX = lexer.getDeclaredMethod("yylex");
      YYLEX.setAccessible(true);
      ELEMENTS = lexer.getDeclaredField("elementStack");
      ELEMENTS.setAccessible(true);
      OPEN_BLOCK = lexer.getDeclaredField("currentBlock");
      OPEN_BLOCK.setAccessible(true);
      STATE = lexer.getDeclaredMethod("yystate");
      STATE.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(
          "hcl4j's lexer is not where this hcl4j version kept it: " + e);
    }
  }

  private HclSyntax() {}

  /** Top-level symbols (blocks and attributes) of one file; throws on a syntax error. */
  @SuppressWarnings("unchecked")
  static List<Symbol> parse(Reader source) throws HclSyntaxException {
    try {
      Object lexer = LEXER.newInstance(source);
      YYLEX.invoke(lexer);
      // The lexer stops quietly at the end of the input; what is still open there is an error.
      Symbol open = (Symbol) OPEN_BLOCK.get(lexer);
      if (open != null) {
        throw new HclSyntaxException(
            "unexpected end of file: block '" + open.getName() + "' is not closed");
      }
      if ((int) STATE.invoke(lexer) != 0) {
        throw new HclSyntaxException("unexpected end of file inside a value or string");
      }
      return (List<Symbol>) ELEMENTS.get(lexer);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new HclSyntaxException(
          cause.getMessage() == null ? cause.toString() : cause.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run hcl4j's lexer", e);
    }
  }
}
