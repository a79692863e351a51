package dev.palisade.backends.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.pgv.validate.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * The protoc-gen-validate constraints written into Envoy's .proto files ({@code (validate.rules)},
 * {@code (validate.required)} on oneofs), which Envoy checks when it loads a config and JsonFormat
 * does not: required messages and oneofs, minimum items, pairs and lengths, number and duration
 * bounds, defined enum values. {@code Any} fields are checked inside, as their registered type.
 * Not checked: patterns, well-known string formats, {@code in}/{@code not_in} lists.
 */
final class ValidationRules {
    private ValidationRules() {}

    /** Every violated constraint, as {@code path: what}; empty when the message satisfies them all. */
    static List<String> violations(Message message, JsonFormat.TypeRegistry types) {
        List<String> violations = new ArrayList<>();
        check(message, "", types, violations);
        return violations;
    }

    private static void check(Message message, String path, JsonFormat.TypeRegistry types, List<String> violations) {
        Descriptor type = message.getDescriptorForType();
        if (type.getFullName().equals(Any.getDescriptor().getFullName())) {
            checkAny(message, path, types, violations);
            return;
        }
        if (type.getOptions().getExtension(Validate.disabled)) {
            return;
        }
        for (OneofDescriptor oneof : type.getRealOneofs()) {
            if (oneof.getOptions().getExtension(Validate.required) && !message.hasOneof(oneof)) {
                violations.add(path + "." + oneof.getName() + ": one of its fields is required");
            }
        }
        for (FieldDescriptor field : type.getFields()) {
            Validate.FieldRules rules = field.getOptions().getExtension(Validate.rules);
            String fieldPath = path + "." + field.getName();
            if (field.isMapField()) {
                int pairs = message.getRepeatedFieldCount(field);
                if (rules.getMap().hasMinPairs() && pairs < rules.getMap().getMinPairs()) {
                    violations.add(fieldPath + ": at least " + rules.getMap().getMinPairs() + " pairs");
                }
                FieldDescriptor value = field.getMessageType().findFieldByName("value");
                for (int i = 0; i < pairs; i++) {
                    Message entry = (Message) message.getRepeatedField(field, i);
                    if (value.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                        check((Message) entry.getField(value), fieldPath + "[" + entry.getField(field.getMessageType()
                                .findFieldByName("key")) + "]", types, violations);
                    }
                }
            } else if (field.isRepeated()) {
                int items = message.getRepeatedFieldCount(field);
                if (rules.getRepeated().hasMinItems() && items < rules.getRepeated().getMinItems()) {
                    violations.add(fieldPath + ": at least " + rules.getRepeated().getMinItems() + " items");
                }
                for (int i = 0; i < items; i++) {
                    checkValue(field, message.getRepeatedField(field, i), rules.getRepeated().getItems(),
                            fieldPath + "[" + i + "]", types, violations);
                }
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (!message.hasField(field)) {
                    // Rules on a oneof's member apply only when it is the one set.
                    boolean chosenElsewhere = field.getRealContainingOneof() != null;
                    if (!chosenElsewhere && (rules.getMessage().getRequired() || rules.getDuration().getRequired())) {
                        violations.add(fieldPath + ": required");
                    }
                    continue;
                }
                checkValue(field, message.getField(field), rules, fieldPath, types, violations);
            } else if (field.getRealContainingOneof() == null || message.hasField(field)) {
                checkValue(field, message.getField(field), rules, fieldPath, types, violations);
            }
        }
    }

    private static void checkValue(FieldDescriptor field, Object value, Validate.FieldRules rules, String path,
            JsonFormat.TypeRegistry types, List<String> violations) {
        if (value instanceof Message nested) {
            String name = nested.getDescriptorForType().getFullName();
            if (name.equals(Duration.getDescriptor().getFullName()) && rules.hasDuration()) {
                checkDuration(asDuration(nested), rules.getDuration(), path, violations);
            } else if (name.startsWith("google.protobuf.") && name.endsWith("Value") && !name.equals("google.protobuf.Value")) {
                // A wrapper (UInt32Value, BoolValue, ...): its rules are its value's.
                FieldDescriptor wrapped = nested.getDescriptorForType().findFieldByName("value");
                checkValue(wrapped, nested.getField(wrapped), rules, path, types, violations);
            }
            check(nested, path, types, violations);
            return;
        }
        if (value instanceof String text && rules.hasString()) {
            Validate.StringRules string = rules.getString();
            boolean skip = string.getIgnoreEmpty() && text.isEmpty();
            if (!skip && string.hasMinLen() && text.codePointCount(0, text.length()) < string.getMinLen()) {
                violations.add(path + ": at least " + string.getMinLen() + " characters");
            }
            if (!skip && string.hasMinBytes() && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < string.getMinBytes()) {
                violations.add(path + ": at least " + string.getMinBytes() + " bytes");
            }
        }
        if (value instanceof Number number) {
            checkNumber(number, rules, path, violations);
        }
        if (value instanceof EnumValueDescriptor constant && rules.getEnum().getDefinedOnly()
                && constant.getType().findValueByNumber(constant.getNumber()) == null) {
            violations.add(path + ": undefined enum value " + constant.getNumber());
        }
    }

    private static void checkNumber(Number number, Validate.FieldRules rules, String path, List<String> violations) {
        double value = number.doubleValue();
        if (rules.hasUint32()) {
            Validate.UInt32Rules bounds = rules.getUint32();
            value = Integer.toUnsignedLong(number.intValue());
            bound(value, bounds.hasGt(), Integer.toUnsignedLong(bounds.getGt()), bounds.hasGte(), Integer.toUnsignedLong(bounds.getGte()),
                    bounds.hasLt(), Integer.toUnsignedLong(bounds.getLt()), bounds.hasLte(), Integer.toUnsignedLong(bounds.getLte()), path, violations);
        } else if (rules.hasUint64()) {
            Validate.UInt64Rules bounds = rules.getUint64();
            bound(value, bounds.hasGt(), bounds.getGt(), bounds.hasGte(), bounds.getGte(), bounds.hasLt(), bounds.getLt(),
                    bounds.hasLte(), bounds.getLte(), path, violations);
        } else if (rules.hasInt32()) {
            Validate.Int32Rules bounds = rules.getInt32();
            bound(value, bounds.hasGt(), bounds.getGt(), bounds.hasGte(), bounds.getGte(), bounds.hasLt(), bounds.getLt(),
                    bounds.hasLte(), bounds.getLte(), path, violations);
        } else if (rules.hasInt64()) {
            Validate.Int64Rules bounds = rules.getInt64();
            bound(value, bounds.hasGt(), bounds.getGt(), bounds.hasGte(), bounds.getGte(), bounds.hasLt(), bounds.getLt(),
                    bounds.hasLte(), bounds.getLte(), path, violations);
        } else if (rules.hasDouble()) {
            Validate.DoubleRules bounds = rules.getDouble();
            bound(value, bounds.hasGt(), bounds.getGt(), bounds.hasGte(), bounds.getGte(), bounds.hasLt(), bounds.getLt(),
                    bounds.hasLte(), bounds.getLte(), path, violations);
        }
    }

    private static void bound(double value, boolean hasGt, double gt, boolean hasGte, double gte, boolean hasLt, double lt,
            boolean hasLte, double lte, String path, List<String> violations) {
        if (hasGt && !(value > gt) || hasGte && !(value >= gte) || hasLt && !(value < lt) || hasLte && !(value <= lte)) {
            violations.add(path + ": " + value + " is out of bounds");
        }
    }

    /** Generated or dynamic (inside an {@code Any}), read the same. */
    private static Duration asDuration(Message message) {
        try {
            return Duration.parseFrom(message.toByteString());
        } catch (InvalidProtocolBufferException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static void checkDuration(Duration duration, Validate.DurationRules rules, String path, List<String> violations) {
        if (rules.hasGt() && Durations.compare(duration, rules.getGt()) <= 0
                || rules.hasGte() && Durations.compare(duration, rules.getGte()) < 0
                || rules.hasLt() && Durations.compare(duration, rules.getLt()) >= 0
                || rules.hasLte() && Durations.compare(duration, rules.getLte()) > 0) {
            violations.add(path + ": duration " + Durations.toString(duration) + " is out of bounds");
        }
    }

    private static void checkAny(Message any, String path, JsonFormat.TypeRegistry types, List<String> violations) {
        String typeUrl = (String) any.getField(any.getDescriptorForType().findFieldByName("type_url"));
        Descriptor type = types.find(typeUrl.substring(typeUrl.lastIndexOf('/') + 1));
        if (type == null) {
            violations.add(path + ": unknown type " + typeUrl);
            return;
        }
        try {
            com.google.protobuf.ByteString value =
                    (com.google.protobuf.ByteString) any.getField(any.getDescriptorForType().findFieldByName("value"));
            check(DynamicMessage.parseFrom(type, value), path + "<" + type.getName() + ">", types, violations);
        } catch (InvalidProtocolBufferException unreadable) {
            violations.add(path + ": unreadable " + typeUrl);
        }
    }
}
