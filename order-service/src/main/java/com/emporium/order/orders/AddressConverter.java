package com.emporium.order.orders;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** JSONB address columns, written and read with Jackson 3 whatever Hibernate would pick. */
@Converter
class AddressConverter implements AttributeConverter<Address, String> {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Override
	public String convertToDatabaseColumn(Address address) {
		return JSON.writeValueAsString(address);
	}

	@Override
	public Address convertToEntityAttribute(String json) {
		return JSON.readValue(json, Address.class);
	}

}
