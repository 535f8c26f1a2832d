package dev.kubegenerate.kubernetes;

import dev.kubegenerate.fast.CompactJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The definitions of the custom resources the built-in templates write (ServiceMonitor,
 * ExternalSecret, HTTPRoute), bundled in the jar under {@value #FOLDER}: their projects' own files
 * reduced to what validation reads (the build-time {@code CrdTool}; sources and licences in {@code
 * src/test/crds/}). So an object the library writes is validated without a {@code schemas:} folder;
 * a definition in such a folder comes first. Each file is read the first time a check meets one of
 * its kinds, once per process.
 */
final class BundledCustomResources {

  private static final String FOLDER = "/kube-generate/kubernetes/crds/";

  /** The schemas of each file read so far, by apiVersion and kind. */
  private static final Map<String, Map<String, Schema>> READ = new ConcurrentHashMap<>();

  private BundledCustomResources() {}

  /** A bundled definition's schema, and the release of its project it comes from. */
  record Definition(Schema schema, String release) {}

  /** The bundled definition of {@code apiVersion}/{@code kind}, if one is bundled. */
  static Optional<Definition> of(String apiVersion, String kind) {
    String key = apiVersion + " " + kind;
    Entry entry = Index.ENTRIES.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    Schema schema = READ.computeIfAbsent(entry.file(), BundledCustomResources::read).get(key);
    return Optional.ofNullable(schema).map(s -> new Definition(s, entry.release()));
  }

  private record Entry(String file, String release) {}

  /** Which file defines each apiVersion and kind, and from which release: {@code index.txt}. */
  private static final class Index {
    static final Map<String, Entry> ENTRIES = load();

    private static Map<String, Entry> load() {
      Map<String, Entry> files = new HashMap<>();
      try (InputStream in = open("index.txt");
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String[] f = line.split("\t");
          files.put(f[0] + " " + f[1], new Entry(f[2], f[3]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.copyOf(files);
    }
  }

  /**
   * The schemas of one file: one line of JSON, a CustomResourceDefinition of its served versions.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Schema> read(String file) {
    String json;
    try (InputStream in = new GZIPInputStream(open(file))) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> spec =
        (Map<String, Object>) ((Map<String, Object>) CompactJson.parseAsYaml(json)).get("spec");
    String group = (String) spec.get("group");
    String kind = (String) ((Map<String, Object>) spec.get("names")).get("kind");
    Map<String, Schema> out = new HashMap<>();
    for (Object v : (List<Object>) spec.get("versions")) {
      Map<String, Object> version = (Map<String, Object>) v;
      Map<String, Object> schema =
          (Map<String, Object>)
              ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
      out.put(group + "/" + version.get("name") + " " + kind, Schema.from(schema, true));
    }
    return Map.copyOf(out);
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = BundledCustomResources.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IOException("the jar has no " + FOLDER + name);
    }
    return in;
  }
}
