package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values the API server refuses although their type is right: null for a required field, a value
 * outside an enum, a {@code byte} field that is not base64.
 */
class ManifestValidatorValuesTest {

  static List<String> check(String version, String text) {
    return check(version, text, CustomResources.NONE);
  }

  static List<String> check(String version, String text, CustomResources custom) {
    return new ManifestValidator(KubernetesVersion.parse(version).orElseThrow(), true, custom)
        .validate(text).stream()
            .map(
                v ->
                    v.rule().id()
                        + " "
                        + v.severity().id()
                        + " "
                        + v.line()
                        + " "
                        + v.path()
                        + ": "
                        + v.message())
            .toList();
  }

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
      """;

  @Test
  void validate_nullForARequiredField_isMissing() {
    assertEquals(
        List.of("invalid error 5 spec.containers: missing required field \"containers\" (null)"),
        check("1.36", POD + "  containers: null\n"));
    assertEquals(
        List.of(
            "invalid error 8 spec.containers[0].ports[0].containerPort:"
                + " missing required field \"containerPort\" (null)",
            "invalid error 9 spec.containers[0].name: missing required field \"name\" (null)"),
        check(
            "1.36",
            POD
                + """
                  containers:
                    - image: nginx
                      ports:
                        - containerPort: ~
                      name:
                """));
  }

  @Test
  void validate_nullForAnOptionalField_isUnset() {
    assertEquals(
        List.of(),
        check(
            "1.36",
            POD
                + """
                  nodeSelector: null
                  containers:
                    - {name: a, image: nginx, ports: null, resources: ~, imagePullPolicy: null}
                """));
  }

  @Test
  void validate_valueOutsideAnEnum_namesTheAllowedValues() {
    assertEquals(
        List.of(
            "invalid error 9 spec.containers[0].ports[0].protocol:"
                + " \"tcp\" is not one of SCTP, TCP, UDP (did you mean TCP?)",
            "invalid error 10 spec.containers[0].imagePullPolicy:"
                + " \"always\" is not one of Always, IfNotPresent, Never (did you mean Always?)",
            "invalid error 11 spec.restartPolicy: \"Sometimes\" is not one of Always, Never, OnFailure"),
        check(
            "1.36",
            POD
                + """
                  containers:
                    - name: a
                      image: nginx
                      ports:
                        - {containerPort: 80, protocol: tcp}
                      imagePullPolicy: always
                  restartPolicy: Sometimes
                """));
  }

  @Test
  void validate_enumLists_andTheEmptyStringAsUnset_andStatusUnchecked() {
    String text =
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce, ReadWriteSometimes]
          volumeMode: ""
        status:
          phase: Whatever
        """;
    assertEquals(
        List.of(
            "invalid error 5 spec.accessModes[1]: \"ReadWriteSometimes\" is not one of ReadOnlyMany,"
                + " ReadWriteMany, ReadWriteOnce, ReadWriteOncePod"),
        check("1.36", text));
  }

  @Test
  void validate_enumValuesOfTheTargetRelease() {
    String text =
        POD
            + """
              containers: [{name: a, image: nginx}]
              tolerations: [{key: k, operator: Gt, value: "3"}]
            """;
    assertEquals(List.of(), check("1.35", text));
    assertEquals(
        List.of("invalid error 6 spec.tolerations[0].operator: \"Gt\" is not one of Equal, Exists"),
        check("1.34", text));
  }

  @Test
  void validate_longEnum_listsAFewValuesAndCountsTheRest() {
    List<String> found =
        check(
            "1.36",
            POD
                + """
                  containers:
                    - name: a
                      image: nginx
                      lifecycle: {stopSignal: SIGFOO}
                """);
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found
            .get(0)
            .matches(
                "invalid error 8 spec.containers\\[0]\\.lifecycle.stopSignal: \"SIGFOO\" is not one"
                    + " of SIGABRT, SIGALRM, SIGBUS, SIGCHLD, SIGCLD, SIGCONT \\.\\.\\. \\(\\d+ more\\)"
                    + " \\(did you mean SIG\\w+\\?\\)"),
        found.get(0));
  }

  @Test
  void validate_byteFieldThatIsNotBase64_isInvalid_andSecretDataIsNotShown() {
    String text =
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: hook}
        webhooks:
          - name: a.example.com
            sideEffects: None
            admissionReviewVersions: [v1]
            clientConfig:
              url: https://a.example.com
              caBundle: not base64!
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data:
          good: aGVsbG8=
          wrapped: "aGVs\\nbG8="
          unpadded: aGVsbG8
          bad: hunter2!
        stringData:
          plain: hunter2!
        """;
    assertEquals(
        List.of(
            "invalid error 10 webhooks[0].clientConfig.caBundle: \"not base64!\" is not base64",
            "invalid error 18 data.unpadded: is not base64 (the value is not shown: it is Secret data)",
            "invalid error 19 data.bad: is not base64 (the value is not shown: it is Secret data)"),
        check("1.36", text));
  }
}
