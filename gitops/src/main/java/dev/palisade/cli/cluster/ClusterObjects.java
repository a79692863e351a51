package dev.palisade.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cluster as {@code palisade apply} sees it: objects of any kind as JSON trees, read and
 * written through fabric8's generic resources, so a kind a new backend emits needs no code here.
 * Every failed request becomes a {@link ClusterException} naming the object.
 */
public final class ClusterObjects {
    private final KubernetesClient client;

    public ClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    /** The kind of an emitted object: Palisade's list first, then the API server's discovery. */
    public ClusterKind kindOf(String apiVersion, String kind) {
        Optional<ClusterKind> known = ManagedKinds.find(apiVersion, kind);
        if (known.isPresent()) {
            return known.get();
        }
        APIResourceList resources;
        try {
            resources = client.getApiResources(apiVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw ClusterException.of("discover", apiVersion + " " + kind, masterUrl(), e);
            }
            // A group nobody installed: the message below says so.
            resources = null;
        }
        if (resources != null) {
            for (APIResource resource : resources.getResources()) {
                if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                    return new ClusterKind(apiVersion, kind, resource.getName(), Boolean.TRUE.equals(resource.getNamespaced()));
                }
            }
        }
        throw new ClusterException("the cluster does not serve " + apiVersion + " " + kind
                + "; install its CRD, or leave the backend that emits it out with --backend");
    }

    /** Where an object goes: a namespaced object without a namespace goes to the context's, as with kubectl. */
    public ObjectKey keyOf(ClusterKind kind, ObjectNode object) {
        if (kind.namespaced() && object.path("metadata").path("namespace").asText("").isEmpty()) {
            String namespace = client.getNamespace() == null ? "default" : client.getNamespace();
            object.withObjectProperty("metadata").put("namespace", namespace);
        }
        return ObjectKey.of(kind, object);
    }

    public Optional<ObjectNode> get(ObjectKey key) {
        GenericKubernetesResource live = request("read", key.toString(), () -> named(key).get());
        return Optional.ofNullable(live).map(this::tree);
    }

    public void create(ObjectKey key, ObjectNode object) {
        request("create", key.toString(), () -> scoped(key).resource(resource(object)).create());
    }

    /** Replaces the object; the {@code resourceVersion} it carries makes a concurrent change a conflict, not a lost write. */
    public void update(ObjectKey key, ObjectNode object) {
        request("update", key.toString(), () -> scoped(key).resource(resource(object)).update());
    }

    public void delete(ObjectKey key) {
        request("delete", key.toString(), () -> named(key).delete());
    }

    /** Every object of the kind labelled as Palisade's, in all namespaces; none when the cluster does not serve the kind. */
    public List<ObjectNode> listManaged(ClusterKind kind) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                client.genericKubernetesResources(kind.context());
        GenericKubernetesResourceList list;
        try {
            list = (kind.namespaced() ? all.inAnyNamespace() : all).withLabel(ManagedKinds.MANAGED_BY, ManagedKinds.PALISADE)
                    .list();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                // No CRD, no objects of it to prune (Calico kinds on a cluster without Calico).
                return List.of();
            }
            throw ClusterException.of("list", kind.displayName() + " objects", masterUrl(), e);
        }
        List<ObjectNode> objects = new ArrayList<>();
        list.getItems().forEach(item -> objects.add(tree(item)));
        return objects;
    }

    private Resource<GenericKubernetesResource> named(ObjectKey key) {
        return scoped(key).withName(key.name());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            scoped(ObjectKey key) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                client.genericKubernetesResources(key.kind().context());
        return key.kind().namespaced() ? all.inNamespace(key.namespace()) : all;
    }

    private <T> T request(String verb, String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw ClusterException.of(verb, what, masterUrl(), e);
        }
    }

    private String masterUrl() {
        return String.valueOf(client.getMasterUrl());
    }

    private ObjectNode tree(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
    }

    private GenericKubernetesResource resource(JsonNode object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }
}
