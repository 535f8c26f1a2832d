package dev.kubegenerate.yaml;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML 1.2's core schema, as snakeyaml-engine's {@link CoreSchema} reads it, with one scalar
 * resolver for every reader: {@code CoreSchema} builds a new resolver each time one is asked for,
 * and every read asks. Its resolver also skips the pattern it would otherwise try on every plain
 * scalar, the one for the empty value, when the value is not empty.
 */
public final class SharedCoreSchema extends CoreSchema {

  /** Immutable after construction, so one serves every thread. */
  public static final SharedCoreSchema INSTANCE = new SharedCoreSchema();

  private final ScalarResolver resolver = new Resolver();

  private SharedCoreSchema() {}

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  /** {@link CoreSchema}'s resolver, answering at once where none of its patterns can match. */
  static final class Resolver extends CoreScalarResolver {

    /**
     * Whether the patterns tried on a value whatever its first character match only "": the core
     * resolver registers one such pattern, {@link #EMPTY} for null ({@code SharedCoreSchemaTest}
     * holds this resolver to the core schema's, should a release of snakeyaml-engine add another).
     */
    private final boolean anyFirstOnlyEmpty;

    Resolver() {
      super(true); // as CoreSchema makes it
      List<?> any = yamlImplicitResolvers.get(null);
      anyFirstOnlyEmpty = any == null || any.size() == 1 && super.resolve("", true) == Tag.NULL;
    }

    /**
     * The tags of short plain values met before: the same field names and values (name, template,
     * true, 100m) recur in every manifest, and each costs a pattern or two. Bounded, so that a
     * hostile input fills it at most once; past the bound values are resolved as they come.
     */
    private final Map<String, Tag> known = new ConcurrentHashMap<>();

    static final int MAX_KNOWN = 4096;

    static final int MAX_KNOWN_LENGTH = 32;

    @Override
    public Tag resolve(String value, Boolean implicit) {
      if (!implicit) {
        return super.resolve(value, implicit);
      }
      // a non-empty plain value whose first character starts no pattern is a string, as the
      // patterns for any first character match only the empty value
      if (anyFirstOnlyEmpty
          && !value.isEmpty()
          && !yamlImplicitResolvers.containsKey(value.charAt(0))) {
        return Tag.STR;
      }
      if (value.length() > MAX_KNOWN_LENGTH) {
        return super.resolve(value, true);
      }
      Tag tag = known.get(value);
      if (tag == null) {
        tag = super.resolve(value, true);
        if (known.size() < MAX_KNOWN) {
          known.put(value, tag);
        }
      }
      return tag;
    }
  }
}
