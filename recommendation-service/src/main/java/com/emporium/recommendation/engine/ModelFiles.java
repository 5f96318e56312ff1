package com.emporium.recommendation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and reads a trained {@link Recommender} as gzip-compressed Java serialisation (Tribuo's
 * models are serialisable, and so are the engine's arrays). Reading is restricted by an allow-list
 * filter to the engine's, Tribuo's, OLCUT's and the JDK's own classes, with depth and size limits:
 * the bytes come from our own database, but a filter keeps a tampered blob from instantiating
 * arbitrary classes.
 */
public final class ModelFiles {

	private static final ObjectInputFilter FILTER = ObjectInputFilter.Config
		.createFilter("maxdepth=64;maxrefs=50000000;maxarray=200000000;com.emporium.recommendation.engine.*;"
				+ "org.tribuo.**;com.oracle.labs.mlrg.olcut.**;java.lang.*;java.util.*;java.time.*;java.math.*;"
				+ "java.net.URI;java.net.URL;java.io.File;!*");

	private ModelFiles() {
	}

	public static void write(Recommender recommender, OutputStream out) throws IOException {
		GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
		ObjectOutputStream objects = new ObjectOutputStream(gzip);
		objects.writeObject(recommender);
		objects.flush();
		gzip.finish();
	}

	public static Recommender read(InputStream in) throws IOException {
		try (ObjectInputStream objects = new ObjectInputStream(new GZIPInputStream(in, 1 << 16))) {
			objects.setObjectInputFilter(FILTER);
			Object read = objects.readObject();
			if (read instanceof Recommender recommender) {
				return recommender;
			}
			throw new InvalidClassException("Not a recommender: " + read.getClass().getName());
		}
		catch (ClassNotFoundException ex) {
			throw new InvalidClassException("A model file names a class this version lacks: " + ex.getMessage());
		}
	}

}
