package dev.kubegenerate.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Build-time tool: reduces the CustomResourceDefinitions in {@code src/test/crds/} (their projects'
 * own files) to what validation reads, for {@code kube-generate/kubernetes/crds/} in the jar: per
 * definition one line of JSON, gzipped, with its served versions and their schemas without
 * descriptions; and {@code index.txt}, one line per served apiVersion and kind naming its file and
 * the release it comes from ({@code releases.txt} beside the sources).
 */
public final class CrdTool {

  /**
   * The keys of a schema validation reads, and the extensions of a custom resource's schema it
   * reads too; descriptions are most of the bytes.
   */
  private static final Set<String> KEPT =
      ApiDataTool.union(
          ApiDataTool.VALIDATED,
          Set.of(
              "x-kubernetes-preserve-unknown-fields",
              "x-kubernetes-embedded-resource",
              "x-kubernetes-int-or-string"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private CrdTool() {}

  /** The bundled files by name, as this tool writes them from the definitions in {@code dir}. */
  static Map<String, byte[]> generate(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    List<String> index = new ArrayList<>();
    Map<String, String> releases = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("releases.txt"))) {
      String[] f = line.split("\t");
      releases.put(f[0], f[1]);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml.gz")).sorted().toList()) {
        String release = releases.get(f.getFileName().toString());
        if (release == null) {
          throw new IOException(f + " has no line in releases.txt");
        }
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(gunzip(f))) {
          Map<?, ?> crd = (Map<?, ?>) doc;
          Map<?, ?> spec = (Map<?, ?>) crd.get("spec");
          String file = ((Map<?, ?>) crd.get("metadata")).get("name") + ".json.gz";
          String kind = (String) ((Map<?, ?>) spec.get("names")).get("kind");
          List<Object> versions = new ArrayList<>();
          for (Object v : (List<?>) spec.get("versions")) {
            Map<?, ?> version = (Map<?, ?>) v;
            if (!Boolean.TRUE.equals(version.get("served"))) {
              continue;
            }
            Map<?, ?> schema =
                (Map<?, ?>) ((Map<?, ?>) version.get("schema")).get("openAPIV3Schema");
            versions.add(
                ordered(
                    "name",
                    version.get("name"),
                    "served",
                    true,
                    "schema",
                    ordered("openAPIV3Schema", reduced(schema))));
            index.add(
                spec.get("group")
                    + "/"
                    + version.get("name")
                    + "\t"
                    + kind
                    + "\t"
                    + file
                    + "\t"
                    + release);
          }
          Map<String, Object> reducedCrd = new LinkedHashMap<>();
          reducedCrd.put("apiVersion", crd.get("apiVersion"));
          reducedCrd.put("kind", crd.get("kind"));
          reducedCrd.put(
              "spec",
              ordered(
                  "group",
                  spec.get("group"),
                  "names",
                  ordered("kind", kind),
                  "versions",
                  versions));
          out.put(file, gzip(JSON.writeValueAsString(reducedCrd) + "\n"));
        }
      }
    }
    index.sort(null);
    out.put("index.txt", (String.join("\n", index) + "\n").getBytes(StandardCharsets.UTF_8));
    return out;
  }

  /** A map of these keys and values, in this order (Map.of's order changes from run to run). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  /** A schema with only the keys validation reads, its field and item schemas reduced alike. */
  private static Map<String, Object> reduced(Map<?, ?> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : schema.entrySet()) {
      String key = (String) e.getKey();
      Object value = e.getValue();
      if (!KEPT.contains(key)) {
        continue;
      }
      if (key.equals("properties")) {
        Map<String, Object> fields = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> fields.put((String) k, reduced((Map<?, ?>) v)));
        value = fields;
      } else if ((key.equals("items") || key.equals("additionalProperties"))
          && value instanceof Map<?, ?> m) {
        value = reduced(m);
      }
      out.put(key, value);
    }
    return out;
  }

  private static String gunzip(Path f) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Gzip with no time stamp or name in the header: the same input, the same bytes. */
  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
