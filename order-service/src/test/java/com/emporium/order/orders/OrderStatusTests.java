package com.emporium.order.orders;

import org.junit.jupiter.api.Test;

import static com.emporium.order.orders.OrderStatus.AWAITING_PAYMENT;
import static com.emporium.order.orders.OrderStatus.CANCELLED;
import static com.emporium.order.orders.OrderStatus.CONFIRMED;
import static com.emporium.order.orders.OrderStatus.DELIVERED;
import static com.emporium.order.orders.OrderStatus.PENDING;
import static com.emporium.order.orders.OrderStatus.PROCESSING;
import static com.emporium.order.orders.OrderStatus.REFUNDED;
import static com.emporium.order.orders.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTests {

	@Test
	void ordersMoveForwardAndAreCancelledOnlyBeforeShipping() {
		assertThat(PENDING.canBecome(AWAITING_PAYMENT)).isTrue();
		assertThat(AWAITING_PAYMENT.canBecome(CONFIRMED)).isTrue();
		assertThat(CONFIRMED.canBecome(PROCESSING)).isTrue();
		assertThat(PROCESSING.canBecome(SHIPPED)).isTrue();
		assertThat(SHIPPED.canBecome(DELIVERED)).isTrue();
		assertThat(DELIVERED.canBecome(REFUNDED)).isTrue();
		for (OrderStatus before : new OrderStatus[] { PENDING, AWAITING_PAYMENT, CONFIRMED, PROCESSING }) {
			assertThat(before.canBecome(CANCELLED)).as(before.name()).isTrue();
		}
		assertThat(SHIPPED.canBecome(CANCELLED)).isFalse();
		assertThat(PENDING.canBecome(CONFIRMED)).as("never without payment").isFalse();
		assertThat(PENDING.canBecome(SHIPPED)).isFalse();
		assertThat(DELIVERED.canBecome(SHIPPED)).as("never backwards").isFalse();
		assertThat(CANCELLED.canBecome(CONFIRMED)).isFalse();
		for (OrderStatus next : OrderStatus.values()) {
			assertThat(REFUNDED.canBecome(next)).as("refunded is final").isFalse();
		}
	}

}
