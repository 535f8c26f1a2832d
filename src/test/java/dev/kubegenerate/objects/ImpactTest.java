package dev.kubegenerate.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.ObjectImpact.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a change does: pods restart, the API server refuses it, capacity moves. */
class ImpactTest {

  private static List<ObjectImpact> impacts(String before, String after) {
    return Comparison.compare(
            ComparisonTest.objects(before), ComparisonTest.objects(after), CompareOptions.exact())
        .stream()
        .map(Impact::of)
        .toList();
  }

  private static ObjectImpact one(String before, String after) {
    List<ObjectImpact> all = impacts(before, after);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  private static final String HPA =
      """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: shop-web, namespace: shop}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop-web}
        minReplicas: 2
        maxReplicas: 10
      """;

  @Test
  void hpaOnly_listedWithMaxReplicas_noRestart_capacity() {
    String before = ComparisonTest.DEPLOYMENT + "---\n" + HPA;
    ObjectImpact i = one(before, before.replace("maxReplicas: 10", "maxReplicas: 20"));
    assertEquals("HorizontalPodAutoscaler", i.kind());
    assertEquals(List.of("/spec/maxReplicas"), i.fields());
    assertFalse(i.restarts());
    assertTrue(i.capacity());
    assertEquals(List.of(), i.immutable());
    assertEquals("production", i.cluster());
    assertEquals("k/deployment.yaml", i.file().value());
  }

  @Test
  void envChange_restartsThatWorkloadsPods() {
    ObjectImpact i =
        one(
            ComparisonTest.DEPLOYMENT,
            ComparisonTest.DEPLOYMENT.replace("value: info", "value: debug"));
    assertEquals("shop/shop-web", i.qualifiedName());
    assertEquals(Change.UPDATED, i.change());
    assertTrue(i.restarts());
    assertFalse(i.capacity());
    ObjectImpact replicas =
        one(
            ComparisonTest.DEPLOYMENT,
            ComparisonTest.DEPLOYMENT.replace("replicas: 2", "replicas: 3"));
    assertFalse(replicas.restarts());
    assertTrue(replicas.capacity());
  }

  @Test
  void selectorChange_immutable() {
    String changed =
        ComparisonTest.DEPLOYMENT.replace(
            "      app: shop-web\n  template", "      app: shop-web-v2\n  template");
    ObjectImpact i = one(ComparisonTest.DEPLOYMENT, changed);
    assertEquals(List.of("/spec/selector/matchLabels/app"), i.fields());
    assertEquals(List.of("/spec/selector/matchLabels/app"), i.immutable());
  }

  @Test
  void cronJobTemplate_nextRun_noRestart_jobTemplateImmutable() {
    String cron =
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: report, image: "report:1"}]
        """;
    ObjectImpact c = one(cron, cron.replace("report:1", "report:2"));
    assertFalse(c.restarts());
    assertTrue(c.nextRun());
    assertEquals(List.of(), c.immutable());
    String job =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: shop}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: "migrate:1"}]
        """;
    ObjectImpact j = one(job, job.replace("migrate:1", "migrate:2"));
    assertFalse(j.restarts());
    assertEquals(List.of("/spec/template/spec/containers/0/image"), j.immutable());
  }

  @Test
  void statefulSet_claimTemplatesImmutable_onDeleteDoesNotRestart() {
    String sts =
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          serviceName: db
          replicas: 3
          selector: {matchLabels: {app: db}}
          updateStrategy: {type: RollingUpdate}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: "postgres:16"}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec:
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 10Gi}}
        """;
    ObjectImpact grown = one(sts, sts.replace("storage: 10Gi", "storage: 20Gi"));
    assertEquals(
        List.of("/spec/volumeClaimTemplates/0/spec/resources/requests/storage"), grown.immutable());
    ObjectImpact image =
        one(sts, sts.replace("postgres:16", "postgres:17").replace("replicas: 3", "replicas: 5"));
    assertTrue(image.restarts());
    assertTrue(image.capacity());
    assertEquals(List.of(), image.immutable());
    String onDelete = sts.replace("type: RollingUpdate", "type: OnDelete");
    assertFalse(one(onDelete, onDelete.replace("postgres:16", "postgres:17")).restarts());
  }

  @Test
  void immutableConfigMapData_secretType_serviceClusterIp_pvcShrink() {
    String config =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        immutable: true
        data: {mode: a}
        """;
    assertEquals(
        List.of("/data/mode"), one(config, config.replace("mode: a", "mode: b")).immutable());
    String mutable = config.replace("immutable: true\n", "");
    assertEquals(List.of(), one(mutable, mutable.replace("mode: a", "mode: b")).immutable());

    String secret =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: token, namespace: shop}
        data: {token: c2VjcmV0}
        """;
    // no type is Opaque: saying so is no change of type
    assertEquals(
        List.of(), one(secret, secret.replace("\ndata:", "\ntype: Opaque\ndata:")).immutable());
    assertEquals(
        List.of("/type"),
        one(secret, secret.replace("\ndata:", "\ntype: kubernetes.io/tls\ndata:")).immutable());

    String service =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          clusterIP: 10.0.0.10
          ports: [{port: 80}]
        """;
    assertEquals(
        List.of("/spec/clusterIP"),
        one(service, service.replace("10.0.0.10", "10.0.0.11")).immutable());
    // left out, the allocated one stays
    assertEquals(
        List.of(), one(service, service.replace("  clusterIP: 10.0.0.10\n", "")).immutable());

    String claim =
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: shop}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 10Gi}}
        """;
    assertEquals(List.of(), one(claim, claim.replace("10Gi", "20Gi")).immutable());
    assertEquals(
        List.of("/spec/resources/requests/storage"),
        one(claim, claim.replace("10Gi", "5Gi")).immutable());
    assertEquals(
        List.of("/spec/accessModes/0"),
        one(claim, claim.replace("ReadWriteOnce", "ReadWriteMany")).immutable());
  }

  @Test
  void createdAndDeleted_listNoFields() {
    List<ObjectImpact> all = impacts(ComparisonTest.DEPLOYMENT, HPA);
    assertEquals(
        List.of(Change.CREATED, Change.DELETED), all.stream().map(ObjectImpact::change).toList());
    all.forEach(
        i -> {
          assertEquals(List.of(), i.fields());
          assertFalse(i.restarts());
          assertEquals(List.of(), i.immutable());
        });
  }
}
