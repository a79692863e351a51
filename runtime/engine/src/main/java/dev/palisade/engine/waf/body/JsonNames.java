package dev.palisade.engine.waf.body;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument names of libmodsecurity 3.0.9's JSON processor: a stack of containers, each named
 * by the key it was opened under ({@code json} at the root, empty inside an array), and arrays
 * counting their elements. Mirrors {@code JSON::addArgument} and {@code JSON::getCurrentKey}.
 */
final class JsonNames {

    private static final class Container {
        final String name;
        final boolean array;
        long elements;

        Container(String name, boolean array) {
            this.name = name;
            this.array = array;
        }
    }

    private final List<Container> containers = new ArrayList<>();
    private String currentKey = "";

    void key(String key) {
        currentKey = key;
    }

    void open(boolean array) {
        containers.add(new Container(currentKey(), array));
    }

    void close() {
        containers.remove(containers.size() - 1);
        if (!containers.isEmpty()) {
            Container parent = containers.get(containers.size() - 1);
            if (parent.array) {
                parent.elements++;
            }
        }
    }

    void value(String value, List<Argument> arguments) {
        if (containers.isEmpty()) {
            // A scalar at the root: getCurrentKey() answers "json" (checked against 3.0.9).
            arguments.add(new Argument("json", value));
            return;
        }
        StringBuilder path = new StringBuilder();
        for (Container container : containers) {
            path.append(container.name);
            if (container.array) {
                path.append(".array_").append(container.elements);
            } else {
                path.append('.');
            }
        }
        Container top = containers.get(containers.size() - 1);
        if (top.array) {
            top.elements++;
        } else {
            path.append(currentKey());
        }
        arguments.add(new Argument(path.toString(), value));
    }

    /** {@code getCurrentKey}: consumes the key; {@code json} at the root, {@code empty-key} for "" in an object. */
    private String currentKey() {
        if (containers.isEmpty()) {
            return "json";
        }
        if (currentKey.isEmpty()) {
            return containers.get(containers.size() - 1).array ? "" : "empty-key";
        }
        String key = currentKey;
        currentKey = "";
        return key;
    }
}
