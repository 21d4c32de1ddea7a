package org.latticespark.spark.generate.flow;

import java.io.Serializable;

/**
 * What a proposal task returns: log w = −S − log q and S/V of each proposal of its block (no fields), and the
 * seconds it took.
 */
record ProposalWeights(ProposalBlock block, double[] logWeights, double[] actionDensity, double seconds)
        implements Serializable {}
