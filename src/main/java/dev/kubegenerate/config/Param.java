package dev.kubegenerate.config;

import org.snakeyaml.engine.v2.nodes.Node;

/** One parameter as written in the config, with its nodes for error positions and typing. */
public record Param(String name, Node key, Node value) {}
