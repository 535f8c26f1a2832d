package dev.kubegenerate.generate;

import dev.kubegenerate.engine.Reads;
import dev.kubegenerate.template.TemplateSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config keys the renders of one entry for one cluster read (SPEC §8.6): what each body looked
 * up, with every value the tool derives replaced by the keys it came from. A fragment (the shared
 * pod template) stands for the keys its render read, the ConfigMap hash for the ConfigMaps' reads,
 * {@code component} for {@code name}; {@code cluster} and {@code kubernetes} are in every
 * fingerprint anyway, and a name the config cannot give (a template's own setting, a name no
 * parameter declares) is no input of the repository's.
 */
final class FileReads {

  /**
   * Values the tool derives for an entry's cluster.
   *
   * @param configHash the hash of the ConfigMaps its pods read, or null
   * @param configHashReads the config keys that hash depends on
   * @param namespace the namespace its objects are in
   */
  record Derived(String configHash, Set<String> configHashReads, String namespace) {}

  private final Set<String> declared;
  private final Derived derived;
  // each fragment's variable and the keys its render read
  private final Map<String, Set<String>> fragments = new HashMap<>();

  FileReads(TemplateSpec template, Derived derived) {
    this.declared = Set.copyOf(template.parameterNames());
    this.derived = derived;
  }

  Derived derived() {
    return derived;
  }

  /** Notes what a fragment's render read: a body that reads its variable read those keys. */
  void fragment(TemplateSpec.Fragment fragment, Reads reads) {
    fragments.put(fragment.variable(), keys(reads, fragment.settings().keySet()));
  }

  /** The config keys a body's render read. */
  Set<String> body(Reads reads) {
    return keys(reads, Set.of());
  }

  private Set<String> keys(Reads reads, Set<String> settings) {
    Set<String> out = new TreeSet<>();
    if (reads.whole()) {
      // it saw the context as a whole: it may depend on anything the config gives the entry
      out.addAll(declared);
      out.add("app");
      fragments.values().forEach(out::addAll);
      configHash(out);
    }
    if (reads.allNames()) {
      out.addAll(declared); // it used the list of null parameters as a whole
    }
    for (String name : reads.names()) {
      Set<String> fragment = fragments.get(name);
      if (fragment != null) {
        out.addAll(fragment);
      } else if (settings.contains(name)) {
        continue; // the template's constant for the fragment
      } else if (name.equals("component")) {
        keep("name", out); // the entry's name, else the template's role
      } else if (name.equals("configHash")) {
        configHash(out);
      } else if (name.equals("app")) {
        out.add(name);
      } else {
        keep(name, out);
      }
    }
    reads.tested().forEach(name -> keep(name, out));
    return out;
  }

  private void configHash(Set<String> out) {
    for (String name : derived.configHashReads()) {
      if (name.equals("app") || name.startsWith(InputsFingerprint.CONFIG_MAP)) {
        out.add(name);
      } else {
        keep(name, out);
      }
    }
  }

  private void keep(String name, Set<String> out) {
    if (declared.contains(name)) {
      out.add(name);
    }
  }
}
