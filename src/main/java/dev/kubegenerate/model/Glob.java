package dev.kubegenerate.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code handwritten:} glob, matched in time linear in the path: the syntax of Java's {@code
 * glob:} path matcher ({@code *} within a folder name, {@code **} across folders, {@code ?}, {@code
 * [a-z]} and {@code [!a-z]}, {@code {a,b}} without nesting, {@code \} to escape), compiled to a
 * state machine run on all its states at once. Java's matcher compiles a glob to a backtracking
 * regular expression: {@code *a*a*a*a*a*a*b} took minutes on a long file name.
 */
public final class Glob {

  /** A glob that is not well formed, with the index of the offending character. */
  public static final class SyntaxException extends IllegalArgumentException {
    SyntaxException(String message, String glob, int index) {
      super(message + " at index " + index + " of `" + glob + "`");
    }
  }

  private enum Op {
    CHAR,
    ONE,
    CLASS,
    STAR,
    DOUBLE_STAR,
    SPLIT,
    JUMP,
    MATCH
  }

  /** One state: what it takes, and its argument (a code point, a target, a class or splits). */
  private record State(Op op, int arg, int[] targets, int[] ranges, boolean negated) {}

  private final String text;
  private final State[] states;

  private Glob(String text, State[] states) {
    this.text = text;
    this.states = states;
  }

  /** The glob {@code text}; throws {@link SyntaxException} where Java's matcher would refuse it. */
  public static Glob of(String text) {
    return new Glob(text, new Compiler(text).compile());
  }

  /** The glob as written. */
  public String text() {
    return text;
  }

  /** Whether the glob matches the whole of {@code path} ({@code /} between folder names). */
  public boolean matches(String path) {
    int n = states.length;
    int[] current = new int[n];
    int[] next = new int[n];
    boolean[] inNext = new boolean[n];
    int[] stack = new int[n * 2 + 1];
    int count = close(0, current, 0, new boolean[n], stack);
    for (int i = 0; i < path.length() && count > 0; ) {
      int c = path.codePointAt(i);
      i += Character.charCount(c);
      java.util.Arrays.fill(inNext, false);
      int nextCount = 0;
      for (int k = 0; k < count; k++) {
        State s = states[current[k]];
        int to =
            switch (s.op()) {
              case CHAR -> c == s.arg() ? current[k] + 1 : -1;
              case ONE -> c != '/' ? current[k] + 1 : -1;
              case CLASS -> c != '/' && inClass(s, c) ? current[k] + 1 : -1;
              case STAR -> c != '/' ? current[k] : -1;
              case DOUBLE_STAR -> current[k];
              default -> -1;
            };
        if (to >= 0) {
          nextCount = close(to, next, nextCount, inNext, stack);
        }
      }
      int[] swap = current;
      current = next;
      next = swap;
      count = nextCount;
    }
    for (int k = 0; k < count; k++) {
      if (states[current[k]].op() == Op.MATCH) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code from} and every state reached from it without a character; the new count. */
  private int close(int from, int[] set, int count, boolean[] in, int[] stack) {
    int top = 0;
    stack[top++] = from;
    while (top > 0) {
      int pc = stack[--top];
      if (in[pc]) {
        continue;
      }
      in[pc] = true;
      set[count++] = pc;
      State s = states[pc];
      switch (s.op()) {
        case SPLIT -> {
          for (int t : s.targets()) {
            stack = push(stack, top++, t);
          }
        }
        case JUMP -> stack = push(stack, top++, s.arg());
        case STAR, DOUBLE_STAR -> stack = push(stack, top++, pc + 1);
        default -> {}
      }
    }
    return count;
  }

  private static int[] push(int[] stack, int top, int value) {
    int[] out = top < stack.length ? stack : java.util.Arrays.copyOf(stack, stack.length * 2);
    out[top] = value;
    return out;
  }

  private static boolean inClass(State s, int c) {
    int[] r = s.ranges();
    boolean in = false;
    for (int i = 0; i < r.length && !in; i += 2) {
      in = c >= r[i] && c <= r[i + 1];
    }
    return in != s.negated();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Turns the text into states, refusing what Java's {@code Globs.toRegexPattern} refuses. */
  private static final class Compiler {
    private final String glob;
    private final List<State> out = new ArrayList<>();
    private int i;

    Compiler(String glob) {
      this.glob = glob;
    }

    State[] compile() {
      int split = -1;
      List<Integer> starts = new ArrayList<>();
      List<Integer> jumps = new ArrayList<>();
      while (i < glob.length()) {
        char c = glob.charAt(i++);
        switch (c) {
          case '\\' -> {
            if (i == glob.length()) {
              throw new SyntaxException("no character to escape", glob, i - 1);
            }
            literal(glob.charAt(i++));
          }
          case '*' -> {
            boolean twice = i < glob.length() && glob.charAt(i) == '*';
            i += twice ? 1 : 0;
            add(twice ? Op.DOUBLE_STAR : Op.STAR, 0);
          }
          case '?' -> add(Op.ONE, 0);
          case '[' -> charClass();
          case '{' -> {
            if (split >= 0) {
              throw new SyntaxException("cannot nest groups", glob, i - 1);
            }
            split = add(Op.SPLIT, 0);
            starts.add(out.size());
          }
          case ',' -> {
            if (split < 0) {
              literal(c);
            } else {
              jumps.add(add(Op.JUMP, 0));
              starts.add(out.size());
            }
          }
          case '}' -> {
            if (split < 0) {
              literal(c);
            } else {
              jumps.add(add(Op.JUMP, 0));
              int end = out.size();
              out.set(
                  split,
                  new State(
                      Op.SPLIT,
                      0,
                      starts.stream().mapToInt(Integer::intValue).toArray(),
                      null,
                      false));
              jumps.forEach(j -> out.set(j, new State(Op.JUMP, end, null, null, false)));
              split = -1;
              starts.clear();
              jumps.clear();
            }
          }
          default -> literal(c);
        }
      }
      if (split >= 0) {
        throw new SyntaxException("missing '}'", glob, i - 1);
      }
      add(Op.MATCH, 0);
      return out.toArray(State[]::new);
    }

    /** A literal char; a surrogate pair becomes one code point, as the path is read. */
    private void literal(char c) {
      if (Character.isHighSurrogate(c)
          && i < glob.length()
          && Character.isLowSurrogate(glob.charAt(i))) {
        add(Op.CHAR, Character.toCodePoint(c, glob.charAt(i++)));
      } else {
        add(Op.CHAR, c);
      }
    }

    private int add(Op op, int arg) {
      out.add(new State(op, arg, null, null, false));
      return out.size() - 1;
    }

    /** After {@code [}: {@code [^...]} is a literal caret, {@code [!...]} negates. */
    private void charClass() {
      List<Integer> ranges = new ArrayList<>();
      boolean negated = false;
      if (peek() == '^') {
        ranges.addAll(List.of((int) '^', (int) '^'));
        i++;
      } else {
        if (peek() == '!') {
          negated = true;
          i++;
        }
        if (peek() == '-') {
          ranges.addAll(List.of((int) '-', (int) '-'));
          i++;
        }
      }
      boolean rangeStart = false;
      char last = 0;
      boolean closed = false;
      while (i < glob.length()) {
        char c = glob.charAt(i++);
        if (c == ']') {
          closed = true;
          break;
        }
        if (c == '/') {
          throw new SyntaxException("explicit name separator in class", glob, i - 1);
        }
        if (c != '-') {
          ranges.addAll(List.of((int) c, (int) c));
          rangeStart = true;
          last = c;
          continue;
        }
        if (!rangeStart) {
          throw new SyntaxException("invalid range", glob, i - 1);
        }
        if (i == glob.length()) {
          break;
        }
        char to = glob.charAt(i++);
        if (to == ']') {
          ranges.addAll(List.of((int) '-', (int) '-'));
          closed = true;
          break;
        }
        // Java's matcher pastes such an end into a regular expression unescaped, where it opens
        // a nested class or escapes the bracket: refused rather than copied
        if (to < last || to == '[' || to == '\\' || to == '&') {
          throw new SyntaxException("invalid range", glob, i - 3);
        }
        ranges.set(ranges.size() - 1, (int) to);
        rangeStart = false;
      }
      if (!closed) {
        throw new SyntaxException("missing ']'", glob, i - 1);
      }
      if (ranges.isEmpty()) {
        throw new SyntaxException("empty class", glob, i - 1);
      }
      out.add(
          new State(
              Op.CLASS, 0, null, ranges.stream().mapToInt(Integer::intValue).toArray(), negated));
    }

    private char peek() {
      return i < glob.length() ? glob.charAt(i) : 0;
    }
  }
}
