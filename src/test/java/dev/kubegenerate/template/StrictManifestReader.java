package dev.kubegenerate.template;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads manifests as the API server would accept them: YAML 1.1 as kubectl parses it, each document
 * as the fabric8 model of its apiVersion and kind, with no unknown field and no scalar of the wrong
 * type let through.
 */
final class StrictManifestReader {

  /** The one class each kind is read as; a kind or version not listed is not current. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry(
              "networking.k8s.io/v1/NetworkPolicy",
              io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
          // custom resources: the models here do not know them; their schemas are the cluster's
          // CRDs,
          // which the check validates through `schemas:` (only their metadata is read strictly
          // here)
          Map.entry(
              "gateway.networking.k8s.io/v1/HTTPRoute",
              io.fabric8.kubernetes.api.model.GenericKubernetesResource.class),
          Map.entry(
              "monitoring.coreos.com/v1/ServiceMonitor",
              io.fabric8.kubernetes.api.model.GenericKubernetesResource.class),
          Map.entry(
              "external-secrets.io/v1/ExternalSecret",
              io.fabric8.kubernetes.api.model.GenericKubernetesResource.class),
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry(
              "v1/PersistentVolumeClaim",
              io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("batch/v1/CronJob", CronJob.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

  private static final ObjectMapper STRICT = strictMapper();
  private static final ObjectMapper LENIENT = new ObjectMapper();

  private StrictManifestReader() {}

  /** A problem with a manifest that the API server would reject too. */
  static final class InvalidManifestException extends RuntimeException {
    InvalidManifestException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Every document of {@code text} as its model object. */
  static List<HasMetadata> read(String text) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Object document : yaml11().loadAll(text)) {
      if (!(document instanceof Map<?, ?> map)) {
        throw new InvalidManifestException("a document is not a mapping: " + document, null);
      }
      String key = map.get("apiVersion") + "/" + map.get("kind");
      Class<? extends HasMetadata> type = KINDS.get(key);
      if (type == null) {
        throw new InvalidManifestException("not a current API version and kind: " + key, null);
      }
      try {
        objects.add(
            type == io.fabric8.kubernetes.api.model.GenericKubernetesResource.class
                ? LENIENT.convertValue(map, type)
                : STRICT.convertValue(map, type));
      } catch (IllegalArgumentException e) {
        throw new InvalidManifestException(key + ": " + e.getMessage(), e);
      }
    }
    if (objects.isEmpty()) {
      throw new InvalidManifestException("no document", null);
    }
    return objects;
  }

  /** A YAML 1.1 reader, as kubectl's: {@code on} is a boolean, {@code 0755} an octal number. */
  static Yaml yaml11() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "3" is not 3, and true is not "true", to the API server either
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule().setDeserializerModifier(new NoAnySetter()))
            .build();
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Drops the catch-all setter of fabric8's models, which would otherwise swallow unknown fields,
   * so a misspelt or misplaced field fails the read as the API server rejects it.
   */
  private static final class NoAnySetter extends BeanDeserializerModifier {
    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config,
        BeanDescription description,
        BeanDeserializerBuilder builder) {
      builder.setAnySetter(null);
      return builder;
    }
  }
}
