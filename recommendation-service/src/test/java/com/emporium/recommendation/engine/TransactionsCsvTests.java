package com.emporium.recommendation.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class TransactionsCsvTests {

	static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

	@Test
	void keepsOnlyPurchasesByTheProtocol() throws IOException {
		String csv = HEADER + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom\n"
				+ "536366,15056bl,\"AIRLINE LOUNGE,METAL SIGN\",2,2010-12-01 09:00,1.25,17850,United Kingdom\n"
				+ "536367,22423,\"RECORD FRAME 7\"\" SINGLE SIZE \",1,2010-12-01 09:30,12.75,13047,France\n"
				+ "C536379,22423,CAKESTAND,-1,2010-12-01 10:00,12.75,13047,France\n"
				+ "536380,POST,POSTAGE,1,2010-12-01 10:00,18.00,13047,France\n"
				+ "536381,22423,CAKESTAND,1,2010-12-01 10:00,12.75,,United Kingdom\n"
				+ "536382,22423,,5,2010-12-01 10:00,0,13047,France\n"
				+ "536383,22423,CAKESTAND,0,2010-12-01 10:00,12.75,13047,France\n"
				+ "A536384,B,Adjust bad debt,1,2010-12-01 10:00,-11062.06,,United Kingdom\n"
				+ "536385,123456,SIX DIGITS,1,2010-12-01 10:00,1.00,13047,France\n";
		TransactionsCsv.Transactions read = TransactionsCsv.read(new BufferedReader(new StringReader(csv)),
				ZoneId.of("Europe/London"));
		assertThat(read.rows()).isEqualTo(10);
		assertThat(read.skipped()).isEqualTo(7);
		assertThat(read.purchases()).extracting(Interaction::item).containsExactly("85123A", "15056BL", "22423");
		Interaction first = read.purchases().get(0);
		assertThat(first.user()).isEqualTo("17850");
		assertThat(first.basket()).isEqualTo("536365");
		assertThat(first.quantity()).isEqualTo(6);
		assertThat(first.at()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
		assertThat(read.catalog().get("15056BL").text()).isEqualTo("AIRLINE LOUNGE,METAL SIGN");
		assertThat(read.catalog().get("22423").text()).isEqualTo("RECORD FRAME 7\" SINGLE SIZE");
	}

	@Test
	void aFileWithoutAColumnOfTheFormatIsRefusedNamingIt() {
		assertThatIOException()
			.isThrownBy(() -> TransactionsCsv.read(
					new BufferedReader(new StringReader("InvoiceNo,StockCode,Quantity\n1,2,3\n")), ZoneId.of("UTC")))
			.withMessageContaining("Description");
		assertThatIOException()
			.isThrownBy(() -> TransactionsCsv.read(new BufferedReader(new StringReader("")), ZoneId.of("UTC")))
			.withMessageContaining("empty");
	}

}
