package com.emporium.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSONB columns: written and read with Jackson 3, whatever Hibernate would pick on its own. */
final class JsonColumns {

	private static final JsonMapper JSON = JsonMapper.shared();

	private JsonColumns() {
	}

	/** A text-to-text map (attributes, a variant's options), sorted by key. */
	@Converter
	static class KeyValuesConverter implements AttributeConverter<Map<String, String>, String> {

		@Override
		public String convertToDatabaseColumn(Map<String, String> value) {
			return JSON.writeValueAsString((value != null) ? new TreeMap<>(value) : Map.of());
		}

		@Override
		public Map<String, String> convertToEntityAttribute(String json) {
			return (json != null) ? JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {
			}) : new TreeMap<>();
		}

	}

	/** A product's images, in order. */
	@Converter
	static class ImagesConverter implements AttributeConverter<List<Image>, String> {

		@Override
		public String convertToDatabaseColumn(List<Image> value) {
			return JSON.writeValueAsString((value != null) ? value : List.of());
		}

		@Override
		public List<Image> convertToEntityAttribute(String json) {
			return (json != null) ? List.copyOf(JSON.readValue(json, new TypeReference<List<Image>>() {
			})) : List.of();
		}

	}

}
