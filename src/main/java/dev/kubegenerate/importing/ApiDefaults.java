package dev.kubegenerate.importing;

import java.util.List;
import java.util.Map;

/**
 * Values the API server gives a field an object leaves out, for the fields a template writes and
 * apps often leave out: a rendered field with its default, where the original has none, is the same
 * object as stored, so import neither patches it away nor lists it as added. Sources: the
 * defaulting functions of Kubernetes' API groups ({@code pkg/apis/<group>/v1/defaults.go}) and the
 * field documentation of the API reference.
 */
final class ApiDefaults {

  /** Pointer patterns ({@code *}: any one key or list item) and the default value there. */
  private static final Map<String, Object> WORKLOAD =
      Map.ofEntries(
          Map.entry("/spec/replicas", 1L),
          Map.entry("/spec/revisionHistoryLimit", 10L),
          Map.entry("/spec/progressDeadlineSeconds", 600L),
          Map.entry("/spec/minReadySeconds", 0L),
          Map.entry("/spec/strategy/type", "RollingUpdate"),
          Map.entry("/spec/strategy/rollingUpdate/maxSurge", "25%"),
          Map.entry("/spec/strategy/rollingUpdate/maxUnavailable", "25%"),
          Map.entry("/spec/podManagementPolicy", "OrderedReady"),
          Map.entry("/spec/updateStrategy/type", "RollingUpdate"));

  /** Below a pod template's {@code spec}. */
  private static final Map<String, Object> POD =
      Map.ofEntries(
          Map.entry("/dnsPolicy", "ClusterFirst"),
          Map.entry("/schedulerName", "default-scheduler"),
          Map.entry("/terminationGracePeriodSeconds", 30L),
          Map.entry("/containers/*/terminationMessagePath", "/dev/termination-log"),
          Map.entry("/containers/*/terminationMessagePolicy", "File"),
          Map.entry("/containers/*/ports/*/protocol", "TCP"),
          Map.entry("/initContainers/*/ports/*/protocol", "TCP"),
          Map.entry("/containers/*/livenessProbe/timeoutSeconds", 1L),
          Map.entry("/containers/*/livenessProbe/periodSeconds", 10L),
          Map.entry("/containers/*/livenessProbe/successThreshold", 1L),
          Map.entry("/containers/*/livenessProbe/failureThreshold", 3L),
          Map.entry("/containers/*/readinessProbe/timeoutSeconds", 1L),
          Map.entry("/containers/*/readinessProbe/periodSeconds", 10L),
          Map.entry("/containers/*/readinessProbe/successThreshold", 1L),
          Map.entry("/containers/*/readinessProbe/failureThreshold", 3L),
          Map.entry("/containers/*/startupProbe/timeoutSeconds", 1L),
          Map.entry("/containers/*/startupProbe/periodSeconds", 10L),
          Map.entry("/containers/*/startupProbe/successThreshold", 1L),
          Map.entry("/containers/*/startupProbe/failureThreshold", 3L));

  private static final Map<String, Object> SERVICE =
      Map.ofEntries(
          Map.entry("/spec/type", "ClusterIP"),
          Map.entry("/spec/sessionAffinity", "None"),
          Map.entry("/spec/ports/*/protocol", "TCP"));

  private static final Map<String, Object> CRON_JOB =
      Map.ofEntries(
          Map.entry("/spec/concurrencyPolicy", "Allow"),
          Map.entry("/spec/suspend", false),
          Map.entry("/spec/successfulJobsHistoryLimit", 3L),
          Map.entry("/spec/failedJobsHistoryLimit", 1L),
          Map.entry("/spec/jobTemplate/spec/backoffLimit", 6L),
          Map.entry("/spec/jobTemplate/spec/parallelism", 1L),
          Map.entry("/spec/jobTemplate/spec/completions", 1L));

  private ApiDefaults() {}

  /**
   * Whether {@code value} at {@code pointer} of a {@code kind} is what the API server stores when
   * the field is left out.
   *
   * @param object the rendered object, for a default that depends on another field
   */
  static boolean isDefault(String kind, String pointer, Object value, Map<String, Object> object) {
    if (value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty()) {
      return true;
    }
    Map<String, Object> table =
        switch (kind) {
          case "Deployment", "StatefulSet", "DaemonSet" -> WORKLOAD;
          case "Service" -> SERVICE;
          case "CronJob" -> CRON_JOB;
          case "HorizontalPodAutoscaler" -> Map.of("/spec/minReplicas", 1L);
          default -> Map.of();
        };
    if (matches(table, pointer, value)) {
      return true;
    }
    String pod =
        kind.equals("CronJob")
            ? "/spec/jobTemplate/spec/template/spec"
            : kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("DaemonSet")
                ? "/spec/template/spec"
                : null;
    if (pod != null && pointer.startsWith(pod + "/")) {
      String below = pointer.substring(pod.length());
      if (below.equals("/restartPolicy") && !kind.equals("CronJob")) {
        return "Always".equals(value);
      }
      return matches(POD, below, value);
    }
    if (kind.equals("Service") && pointer.matches("/spec/ports/[0-9]+/targetPort")) {
      // a Service port's targetPort defaults to its port
      Object port =
          Maps.at(Maps.list(Maps.at(object, "spec", "ports")).get(index(pointer)), "port");
      return Values.sameValue(port, value);
    }
    return false;
  }

  private static int index(String pointer) {
    return Integer.parseInt(pointer.split("/")[3]);
  }

  private static boolean matches(Map<String, Object> table, String pointer, Object value) {
    for (Map.Entry<String, Object> e : table.entrySet()) {
      if (pattern(e.getKey(), pointer) && Values.sameValue(e.getValue(), value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a pattern with {@code *} segments names {@code pointer}. */
  private static boolean pattern(String pattern, String pointer) {
    String[] p = pattern.split("/", -1);
    String[] q = pointer.split("/", -1);
    if (p.length != q.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!p[i].equals("*") && !p[i].equals(q[i])) {
        return false;
      }
    }
    return true;
  }
}
