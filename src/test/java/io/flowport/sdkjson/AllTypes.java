package io.flowport.sdkjson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.LocationTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.Trait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * A model shaped like the SDK's generated ones, for the marshalling types EMR's model does not use
 * (SHORT, BYTE, FLOAT, BIG_DECIMAL, SDK_BYTES, DOCUMENT, an ISO-8601 wire timestamp).
 */
final class AllTypes implements SdkPojo {

  Short small;
  Byte tiny;
  Float ratio;
  BigDecimal amount;
  SdkBytes blob;
  Document doc;
  Instant isoTime;

  private static final List<SdkField<?>> FIELDS =
      List.of(
          field(MarshallingType.SHORT, "Small", p -> p.small, (b, v) -> b.small = (Short) v),
          field(MarshallingType.BYTE, "Tiny", p -> p.tiny, (b, v) -> b.tiny = (Byte) v),
          field(MarshallingType.FLOAT, "Ratio", p -> p.ratio, (b, v) -> b.ratio = (Float) v),
          field(
              MarshallingType.BIG_DECIMAL,
              "Amount",
              p -> p.amount,
              (b, v) -> b.amount = (BigDecimal) v),
          field(MarshallingType.SDK_BYTES, "Blob", p -> p.blob, (b, v) -> b.blob = (SdkBytes) v),
          field(MarshallingType.DOCUMENT, "Doc", p -> p.doc, (b, v) -> b.doc = (Document) v),
          field(
              MarshallingType.INSTANT,
              "IsoTime",
              p -> p.isoTime,
              (b, v) -> b.isoTime = (Instant) v,
              TimestampFormatTrait.create(TimestampFormatTrait.Format.ISO_8601)));

  @Override
  public List<SdkField<?>> sdkFields() {
    return FIELDS;
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AllTypes t
        && Objects.equals(small, t.small)
        && Objects.equals(tiny, t.tiny)
        && Objects.equals(ratio, t.ratio)
        && Objects.equals(amount, t.amount)
        && Objects.equals(blob, t.blob)
        && Objects.equals(doc, t.doc)
        && Objects.equals(isoTime, t.isoTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(small, tiny, ratio, amount, blob, doc, isoTime);
  }

  /** Builders share the instance's fields, as the generated BuilderImpl classes do. */
  static final class Builder extends AllTypesFields implements SdkPojo, Buildable {
    @Override
    public List<SdkField<?>> sdkFields() {
      return FIELDS;
    }

    @Override
    public AllTypes build() {
      AllTypes t = new AllTypes();
      t.small = small;
      t.tiny = tiny;
      t.ratio = ratio;
      t.amount = amount;
      t.blob = blob;
      t.doc = doc;
      t.isoTime = isoTime;
      return t;
    }
  }

  static class AllTypesFields {
    Short small;
    Byte tiny;
    Float ratio;
    BigDecimal amount;
    SdkBytes blob;
    Document doc;
    Instant isoTime;
  }

  private static <T> SdkField<T> field(
      MarshallingType<? super T> type,
      String name,
      Function<AllTypes, Object> getter,
      BiConsumer<Builder, Object> setter,
      Trait... extra) {
    Trait[] traits = new Trait[extra.length + 1];
    traits[0] =
        LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName(name).build();
    System.arraycopy(extra, 0, traits, 1, extra.length);
    @SuppressWarnings("unchecked")
    Function<Object, T> get = o -> (T) getter.apply((AllTypes) o);
    BiConsumer<Object, T> set = (b, v) -> setter.accept((Builder) b, v);
    return SdkField.<T>builder(type)
        .memberName(name)
        .getter(get)
        .setter(set)
        .traits(traits)
        .build();
  }
}
