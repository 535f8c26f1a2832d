package dev.kubegenerate.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.kubernetes.FieldMerge;
import dev.kubegenerate.kubernetes.KubernetesApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Patches merge as Kubernetes merges them: each case is applied by kube-generate and by {@code
 * kubectl patch --local} (client-side, no cluster), which uses the API machinery's own strategic
 * merge, JSON merge and JSON patch code, and the two results must be the same object. The object is
 * a Deployment of Online Boutique's shape. Skipped where kubectl is not installed.
 */
class PatchKubectlPeerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DEPLOYMENT =
      """
      {"apiVersion": "apps/v1", "kind": "Deployment",
       "metadata": {"name": "frontend", "labels": {"app": "frontend"}, "finalizers": ["a", "b"]},
       "spec": {
         "selector": {"matchLabels": {"app": "frontend"}},
         "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}},
         "template": {
           "metadata": {"labels": {"app": "frontend"}},
           "spec": {
             "serviceAccountName": "frontend",
             "securityContext": {"runAsNonRoot": true, "fsGroup": 1000},
             "tolerations": [{"key": "a", "operator": "Exists"}],
             "imagePullSecrets": [{"name": "registry"}],
             "volumes": [{"name": "cache", "emptyDir": {}}, {"name": "conf", "configMap": {"name": "frontend"}}],
             "containers": [
               {"name": "server", "image": "frontend:1",
                "ports": [{"containerPort": 8080, "name": "http"}, {"containerPort": 9090}],
                "env": [{"name": "PORT", "value": "8080"}, {"name": "MODE", "value": "x"}],
                "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "200m"}},
                "volumeMounts": [{"name": "cache", "mountPath": "/cache"}]},
               {"name": "proxy", "image": "envoy:1"}]}}}}
      """;

  @TempDir static Path dir;

  @BeforeAll
  static void kubectl() throws Exception {
    boolean found;
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").start();
      found = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      found = false;
    }
    assumeTrue(found, "kubectl is not installed: the peer test is skipped");
    Files.writeString(dir.resolve("deployment.json"), DEPLOYMENT);
  }

  @ParameterizedTest(name = "strategic: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a container merged by name, the rest kept | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"server\",\"image\":\"frontend:2\"}]}}}}",
        "a new container after the others | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"new\",\"image\":\"x:1\"}]}}}}",
        "a container deleted | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"proxy\",\"$patch\":\"delete\"}]}}}}",
        "env merged by name | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"server\",\"env\":[{\"name\":\"MODE\",\"value\":\"y\"},{\"name\":\"NEW\",\"value\":\"1\"}]}]}}}}",
        "ports merged by containerPort | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"server\",\"ports\":[{\"containerPort\":9090,\"name\":\"metrics\"}]}]}}}}",
        "tolerations replaced whole | {\"spec\":{\"template\":{\"spec\":{\"tolerations\":[{\"key\":\"b\",\"operator\":\"Exists\"}]}}}}",
        "a volume merged by name | {\"spec\":{\"template\":{\"spec\":{\"volumes\":[{\"name\":\"conf\",\"configMap\":{\"name\":\"other\"}}]}}}}",
        "null deletes a field | {\"spec\":{\"template\":{\"spec\":{\"securityContext\":{\"fsGroup\":null},\"serviceAccountName\":null}}}}",
        "a map replaced | {\"spec\":{\"template\":{\"spec\":{\"securityContext\":{\"$patch\":\"replace\",\"runAsUser\":1000}}}}}",
        "strategy with retainKeys | {\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}",
        "strategy type changed, rollingUpdate kept | {\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}",
        "a list replaced by directive | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"$patch\":\"replace\"},{\"name\":\"only\",\"image\":\"x:1\"}]}}}}",
        "a value removed from a set | {\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}",
        "finalizers merged as a set | {\"metadata\":{\"finalizers\":[\"b\",\"c\"]}}",
        "imagePullSecrets merged by name | {\"spec\":{\"template\":{\"spec\":{\"imagePullSecrets\":[{\"name\":\"other\"}]}}}}",
        "new containers before the first they precede | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"n2\",\"image\":\"x:1\"},{\"name\":\"n1\",\"image\":\"x:1\"},{\"name\":\"proxy\",\"image\":\"envoy:2\"}]}}}}",
        "a set's values in the API machinery's order | {\"metadata\":{\"finalizers\":[\"c\",\"b\"]}}",
        "resources merged key by key | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"server\",\"resources\":{\"limits\":{\"memory\":\"128Mi\"}}}]}}}}",
      })
  void strategicMerge_isKubectls(String what, String patch) throws Exception {
    KubernetesApi api = KubernetesApi.of(KubernetesApi.newest());
    StrategicMerge merge =
        new StrategicMerge(
            pointer -> api.merge("apps/v1", "Deployment", pointer).orElse(FieldMerge.NONE));
    Object ours = merge.apply(read(DEPLOYMENT), (Map<?, ?>) read(patch)).orElseThrow();
    assertSame(kubectl("strategic", patch), ours, what);
  }

  @ParameterizedTest(name = "merge: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lists replaced, null deletes | {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x:1\"}],\"serviceAccountName\":null}}}}",
        "maps merged | {\"metadata\":{\"labels\":{\"tier\":\"web\"}}}",
      })
  void jsonMergePatch_isKubectls(String what, String patch) throws Exception {
    assertSame(kubectl("merge", patch), MergePatch.apply(read(DEPLOYMENT), read(patch)), what);
  }

  @ParameterizedTest(name = "json: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "add, replace, remove | [{\"op\":\"add\",\"path\":\"/spec/minReadySeconds\",\"value\":5},{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"f:2\"},{\"op\":\"remove\",\"path\":\"/spec/template/spec/tolerations\"}]",
        "append with - and insert at 0 | [{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/-\",\"value\":{\"name\":\"z\",\"image\":\"z:1\"}},{\"op\":\"add\",\"path\":\"/metadata/finalizers/0\",\"value\":\"first\"}]",
        "move, copy and a passing test | [{\"op\":\"copy\",\"from\":\"/metadata/labels\",\"path\":\"/metadata/annotations\"},{\"op\":\"move\",\"from\":\"/metadata/finalizers\",\"path\":\"/metadata/moved\"},{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"frontend\"}]",
        "escaped keys | [{\"op\":\"add\",\"path\":\"/metadata/labels/app.kubernetes.io~1name\",\"value\":\"shop\"}]",
      })
  void jsonPatch_isKubectls(String what, String patch) throws Exception {
    assertSame(
        kubectl("json", patch), JsonPatch.apply(read(DEPLOYMENT), (List<?>) read(patch)), what);
  }

  @ParameterizedTest(name = "json refused: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a missing member | [{\"op\":\"remove\",\"path\":\"/spec/nothing\"}]",
        "an index past the end | [{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/5/image\",\"value\":\"x\"}]",
        "a failing test | [{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]",
      })
  void jsonPatch_refusesWhatKubectlRefuses(String what, String patch) throws Exception {
    Process p = kubectlProcess("json", patch);
    assertTrue(p.exitValue() != 0, "kubectl refuses " + what);
    try {
      JsonPatch.apply(read(DEPLOYMENT), (List<?>) read(patch));
      throw new AssertionError("applied " + what);
    } catch (PatchException expected) {
      assertEquals(0, expected.operation(), what);
    }
  }

  private static Object read(String json) throws IOException {
    return JSON.readValue(json, Object.class);
  }

  private static void assertSame(Object expected, Object actual, String what) {
    assertTrue(
        Values.same(expected, actual),
        what + "\nkubectl: " + expected + "\nkube-generate: " + actual);
  }

  private static Object kubectl(String type, String patch) throws Exception {
    Process p = kubectlProcess(type, patch);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "kubectl patch --type " + type + " failed");
    return read(out);
  }

  private static Process kubectlProcess(String type, String patch) throws Exception {
    Process p =
        new ProcessBuilder(
                "kubectl",
                "patch",
                "--local",
                "-f",
                dir.resolve("deployment.json").toString(),
                "--type",
                type,
                "-p",
                patch,
                "-o",
                "json")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
    return new Process() {
      @Override
      public java.io.OutputStream getOutputStream() {
        return p.getOutputStream();
      }

      @Override
      public java.io.InputStream getInputStream() {
        return new java.io.ByteArrayInputStream(out);
      }

      @Override
      public java.io.InputStream getErrorStream() {
        return p.getErrorStream();
      }

      @Override
      public int waitFor() throws InterruptedException {
        return p.waitFor();
      }

      @Override
      public int exitValue() {
        return p.exitValue();
      }

      @Override
      public void destroy() {
        p.destroy();
      }
    };
  }
}
