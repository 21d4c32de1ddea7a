package org.latticespark.spark.generate.flow;

import java.io.Serializable;

/** One Spark task of a flow ensemble's proposal stage: proposals first … first + count − 1 of one chain. */
record ProposalBlock(String ensemble, long seed, int chain, long first, int count) implements Serializable {}
