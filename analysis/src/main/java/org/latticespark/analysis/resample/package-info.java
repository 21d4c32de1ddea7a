/**
 * Resampling error analysis of lattice Monte Carlo data: jackknife, bootstrap, binning analysis and covariance
 * matrices of means.
 *
 * <h2>Data and conventions shared by all classes</h2>
 * <ul>
 *   <li>Input is one ensemble, held by {@link org.latticespark.analysis.resample.Samples}: several observables
 *       measured on the same configurations, each as one time series per replica (independent Markov chain);
 *       replica lengths may differ but must agree between observables.</li>
 *   <li>Binning with bin size b is done per replica: replica r of length N_r gives floor(N_r / b) bins, each
 *       the plain mean of b consecutive samples; the trailing N_r mod b samples of each replica are
 *       <em>dropped</em>, and bins never straddle two replicas. Every replica must be at least b long and the
 *       ensemble must give at least 2 bins in total. b = 1 uses every sample unchanged.</li>
 *   <li>The central value is f of the mean over all n bins of all replicas, i.e. of the mean over the samples
 *       actually used. Replicas thus enter with weight proportional to their number of bins, and the scatter
 *       of the replica means is part of the jackknife and naive errors (the bins are treated as independent
 *       draws of one distribution). The bootstrap resamples within each replica instead and so leaves that
 *       scatter out, as does {@link org.latticespark.analysis.GammaMethod}; for independent replicas of one
 *       ensemble both are correct estimates.</li>
 *   <li>Bins must be long compared with the integrated autocorrelation time for the errors to include
 *       autocorrelations; {@link org.latticespark.analysis.resample.BinningAnalysis} shows where the error
 *       reaches its plateau.</li>
 * </ul>
 */
package org.latticespark.analysis.resample;
