package com.emporium.recommendation.engine;

import java.util.Arrays;

/** The {@code k} best (item, score) pairs seen, by a bounded min-heap; ties keep the first seen. */
final class TopK {

	private final int k;

	private final int[] heapItems;

	private final float[] heapScores;

	private int size;

	TopK(int k) {
		this.k = k;
		this.heapItems = new int[k];
		this.heapScores = new float[k];
	}

	void offer(int item, float score) {
		if (this.k == 0) {
			return;
		}
		if (this.size < this.k) {
			this.heapItems[this.size] = item;
			this.heapScores[this.size] = score;
			siftUp(this.size++);
		}
		else if (score > this.heapScores[0]) {
			this.heapItems[0] = item;
			this.heapScores[0] = score;
			siftDown(0);
		}
	}

	boolean full() {
		return this.size == this.k;
	}

	float worst() {
		return this.heapScores[0];
	}

	/** The kept items, best first. */
	int[] items() {
		sort();
		return Arrays.copyOf(this.heapItems, this.size);
	}

	/** The kept scores, best first, aligned with {@link #items()}. */
	float[] scores() {
		sort();
		return Arrays.copyOf(this.heapScores, this.size);
	}

	private boolean sorted;

	private void sort() {
		if (this.sorted) {
			return;
		}
		// Heap-sort in place: pop the minimum to the end, leaving the best first.
		int n = this.size;
		for (int end = n - 1; end > 0; end--) {
			swap(0, end);
			this.size = end;
			siftDown(0);
		}
		this.size = n;
		this.sorted = true;
	}

	private void siftUp(int i) {
		while (i > 0) {
			int parent = (i - 1) / 2;
			if (this.heapScores[i] >= this.heapScores[parent]) {
				return;
			}
			swap(i, parent);
			i = parent;
		}
	}

	private void siftDown(int i) {
		while (true) {
			int left = 2 * i + 1;
			int right = left + 1;
			int smallest = i;
			if (left < this.size && this.heapScores[left] < this.heapScores[smallest]) {
				smallest = left;
			}
			if (right < this.size && this.heapScores[right] < this.heapScores[smallest]) {
				smallest = right;
			}
			if (smallest == i) {
				return;
			}
			swap(i, smallest);
			i = smallest;
		}
	}

	private void swap(int a, int b) {
		int item = this.heapItems[a];
		this.heapItems[a] = this.heapItems[b];
		this.heapItems[b] = item;
		float score = this.heapScores[a];
		this.heapScores[a] = this.heapScores[b];
		this.heapScores[b] = score;
	}

}
