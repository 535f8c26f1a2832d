package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.kubernetes.ManifestValidator;
import dev.kubegenerate.model.KubernetesVersion;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifest validators of one config, one per cluster folder, each for that cluster's Kubernetes
 * version (the newest supported one, removals only warned, when the config names none).
 */
public final class ClusterValidators {

  private final Config config;
  private final CustomResources custom;
  private final Map<String, ManifestValidator> byCluster = new ConcurrentHashMap<>();

  public ClusterValidators(Config config, CustomResources custom) {
    this.config = config;
    this.custom = custom;
  }

  /** The version a cluster's manifests are validated for, and whether the config set it. */
  public static KubernetesVersion versionOf(Config config, String cluster) {
    return config.versionOf(cluster).orElseGet(KubernetesApi::newest);
  }

  /**
   * The validator of a cluster folder; {@code cluster} empty for a file directly in the output
   * folder.
   */
  public ManifestValidator forCluster(Optional<String> cluster) {
    String name = cluster.orElse("");
    return byCluster.computeIfAbsent(
        name,
        c -> {
          Optional<KubernetesVersion> set =
              c.isEmpty() ? config.kubernetesVersion() : config.versionOf(c);
          return new ManifestValidator(
              set.orElseGet(KubernetesApi::newest), set.isPresent(), custom);
        });
  }
}
