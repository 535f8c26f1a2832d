package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one object's schema cannot say: a preStop sleep with no time left, HPA bounds. */
class OutageRulesTest {

  private static List<String> check(String text) {
    return new ManifestValidator(
            KubernetesVersion.parse("1.34").orElseThrow(), true, CustomResources.NONE)
        .validate(text).stream()
            .map(v -> v.rule().id() + " " + v.severity().id() + " " + v.line() + " " + v.path())
            .toList();
  }

  private static String deployment(String grace, String lifecycle) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
        %s      containers:
                - name: web
                  image: example/web:1
                  lifecycle: %s
        """
        .formatted(
            grace.isEmpty() ? "" : "      terminationGracePeriodSeconds: " + grace + "\n",
            lifecycle);
  }

  @Test
  void preStopSleep_ofTheWholeDefaultGracePeriod_warns() {
    assertEquals(
        List.of(
            "prestop-grace warning 12"
                + " spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds"),
        check(deployment("", "{preStop: {sleep: {seconds: 30}}}")));
  }

  @Test
  void preStopSleep_shorterThanTheGracePeriod_isFine() {
    assertEquals(List.of(), check(deployment("", "{preStop: {sleep: {seconds: 29}}}")));
    assertEquals(List.of(), check(deployment("60", "{preStop: {sleep: {seconds: 45}}}")));
  }

  @Test
  void preStopSleep_aboveAGivenGracePeriod_warns() {
    assertEquals(1, check(deployment("10", "{preStop: {sleep: {seconds: 15}}}")).size());
  }

  @Test
  void preStopExec_ofASleep_countsToo_directOrThroughAShell() {
    assertEquals(
        List.of(
            "prestop-grace warning 13"
                + " spec.template.spec.containers[0].lifecycle.preStop.exec.command"),
        check(deployment("20", "{preStop: {exec: {command: [sleep, \"20\"]}}}")));
    assertEquals(
        1,
        check(
                deployment(
                    "20", "{preStop: {exec: {command: [/bin/sh, -c, \"sleep 25 && kill 1\"]}}}"))
            .size());
    assertEquals(
        List.of(),
        check(deployment("20", "{preStop: {exec: {command: [/bin/sh, -c, \"nginx -s quit\"]}}}")));
  }

  @Test
  void preStopSleep_ofACronJobsPods() {
    String cronJob =
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 5
                  containers:
                    - name: report
                      image: example/report:1
                      lifecycle: {preStop: {sleep: {seconds: 5}}}
        """;
    List<String> found = check(cronJob);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).contains("spec.jobTemplate.spec.template.spec.containers[0]"));
  }

  @Test
  void autoscaler_minAboveMax_isInvalid_equalIsFine() {
    String hpa =
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: %d
          maxReplicas: 3
        """;
    assertEquals(List.of("invalid error 6 spec.minReplicas"), check(hpa.formatted(4)));
    assertEquals(List.of(), check(hpa.formatted(3)));
  }
}
