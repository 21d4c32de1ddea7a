package org.latticespark.lattice.group;

/** Unrolled 3×3 complex products for SU(3), the hot case of {@link CMat}; generated, all temporaries in registers. */
final class CMat3 {
    private CMat3() {}

    static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co) {
        double a00r = a[ao + 0], a00i = a[ao + 1];
        double a01r = a[ao + 2], a01i = a[ao + 3];
        double a02r = a[ao + 4], a02i = a[ao + 5];
        double a10r = a[ao + 6], a10i = a[ao + 7];
        double a11r = a[ao + 8], a11i = a[ao + 9];
        double a12r = a[ao + 10], a12i = a[ao + 11];
        double a20r = a[ao + 12], a20i = a[ao + 13];
        double a21r = a[ao + 14], a21i = a[ao + 15];
        double a22r = a[ao + 16], a22i = a[ao + 17];
        double b00r = b[bo + 0], b00i = b[bo + 1];
        double b01r = b[bo + 2], b01i = b[bo + 3];
        double b02r = b[bo + 4], b02i = b[bo + 5];
        double b10r = b[bo + 6], b10i = b[bo + 7];
        double b11r = b[bo + 8], b11i = b[bo + 9];
        double b12r = b[bo + 10], b12i = b[bo + 11];
        double b20r = b[bo + 12], b20i = b[bo + 13];
        double b21r = b[bo + 14], b21i = b[bo + 15];
        double b22r = b[bo + 16], b22i = b[bo + 17];
        c[co + 0] = a00r * b00r - a00i * b00i + a01r * b10r - a01i * b10i + a02r * b20r - a02i * b20i;
        c[co + 1] = (a00r * b00i + a00i * b00r) + (a01r * b10i + a01i * b10r) + (a02r * b20i + a02i * b20r);
        c[co + 2] = a00r * b01r - a00i * b01i + a01r * b11r - a01i * b11i + a02r * b21r - a02i * b21i;
        c[co + 3] = (a00r * b01i + a00i * b01r) + (a01r * b11i + a01i * b11r) + (a02r * b21i + a02i * b21r);
        c[co + 4] = a00r * b02r - a00i * b02i + a01r * b12r - a01i * b12i + a02r * b22r - a02i * b22i;
        c[co + 5] = (a00r * b02i + a00i * b02r) + (a01r * b12i + a01i * b12r) + (a02r * b22i + a02i * b22r);
        c[co + 6] = a10r * b00r - a10i * b00i + a11r * b10r - a11i * b10i + a12r * b20r - a12i * b20i;
        c[co + 7] = (a10r * b00i + a10i * b00r) + (a11r * b10i + a11i * b10r) + (a12r * b20i + a12i * b20r);
        c[co + 8] = a10r * b01r - a10i * b01i + a11r * b11r - a11i * b11i + a12r * b21r - a12i * b21i;
        c[co + 9] = (a10r * b01i + a10i * b01r) + (a11r * b11i + a11i * b11r) + (a12r * b21i + a12i * b21r);
        c[co + 10] = a10r * b02r - a10i * b02i + a11r * b12r - a11i * b12i + a12r * b22r - a12i * b22i;
        c[co + 11] = (a10r * b02i + a10i * b02r) + (a11r * b12i + a11i * b12r) + (a12r * b22i + a12i * b22r);
        c[co + 12] = a20r * b00r - a20i * b00i + a21r * b10r - a21i * b10i + a22r * b20r - a22i * b20i;
        c[co + 13] = (a20r * b00i + a20i * b00r) + (a21r * b10i + a21i * b10r) + (a22r * b20i + a22i * b20r);
        c[co + 14] = a20r * b01r - a20i * b01i + a21r * b11r - a21i * b11i + a22r * b21r - a22i * b21i;
        c[co + 15] = (a20r * b01i + a20i * b01r) + (a21r * b11i + a21i * b11r) + (a22r * b21i + a22i * b21r);
        c[co + 16] = a20r * b02r - a20i * b02i + a21r * b12r - a21i * b12i + a22r * b22r - a22i * b22i;
        c[co + 17] = (a20r * b02i + a20i * b02r) + (a21r * b12i + a21i * b12r) + (a22r * b22i + a22i * b22r);
    }

    static void mulNA(double[] a, int ao, double[] b, int bo, double[] c, int co) {
        double a00r = a[ao + 0], a00i = a[ao + 1];
        double a01r = a[ao + 2], a01i = a[ao + 3];
        double a02r = a[ao + 4], a02i = a[ao + 5];
        double a10r = a[ao + 6], a10i = a[ao + 7];
        double a11r = a[ao + 8], a11i = a[ao + 9];
        double a12r = a[ao + 10], a12i = a[ao + 11];
        double a20r = a[ao + 12], a20i = a[ao + 13];
        double a21r = a[ao + 14], a21i = a[ao + 15];
        double a22r = a[ao + 16], a22i = a[ao + 17];
        double b00r = b[bo + 0], b00i = b[bo + 1];
        double b01r = b[bo + 2], b01i = b[bo + 3];
        double b02r = b[bo + 4], b02i = b[bo + 5];
        double b10r = b[bo + 6], b10i = b[bo + 7];
        double b11r = b[bo + 8], b11i = b[bo + 9];
        double b12r = b[bo + 10], b12i = b[bo + 11];
        double b20r = b[bo + 12], b20i = b[bo + 13];
        double b21r = b[bo + 14], b21i = b[bo + 15];
        double b22r = b[bo + 16], b22i = b[bo + 17];
        c[co + 0] = a00r * b00r + a00i * b00i + a01r * b01r + a01i * b01i + a02r * b02r + a02i * b02i;
        c[co + 1] = (-a00r * b00i + a00i * b00r) + (-a01r * b01i + a01i * b01r) + (-a02r * b02i + a02i * b02r);
        c[co + 2] = a00r * b10r + a00i * b10i + a01r * b11r + a01i * b11i + a02r * b12r + a02i * b12i;
        c[co + 3] = (-a00r * b10i + a00i * b10r) + (-a01r * b11i + a01i * b11r) + (-a02r * b12i + a02i * b12r);
        c[co + 4] = a00r * b20r + a00i * b20i + a01r * b21r + a01i * b21i + a02r * b22r + a02i * b22i;
        c[co + 5] = (-a00r * b20i + a00i * b20r) + (-a01r * b21i + a01i * b21r) + (-a02r * b22i + a02i * b22r);
        c[co + 6] = a10r * b00r + a10i * b00i + a11r * b01r + a11i * b01i + a12r * b02r + a12i * b02i;
        c[co + 7] = (-a10r * b00i + a10i * b00r) + (-a11r * b01i + a11i * b01r) + (-a12r * b02i + a12i * b02r);
        c[co + 8] = a10r * b10r + a10i * b10i + a11r * b11r + a11i * b11i + a12r * b12r + a12i * b12i;
        c[co + 9] = (-a10r * b10i + a10i * b10r) + (-a11r * b11i + a11i * b11r) + (-a12r * b12i + a12i * b12r);
        c[co + 10] = a10r * b20r + a10i * b20i + a11r * b21r + a11i * b21i + a12r * b22r + a12i * b22i;
        c[co + 11] = (-a10r * b20i + a10i * b20r) + (-a11r * b21i + a11i * b21r) + (-a12r * b22i + a12i * b22r);
        c[co + 12] = a20r * b00r + a20i * b00i + a21r * b01r + a21i * b01i + a22r * b02r + a22i * b02i;
        c[co + 13] = (-a20r * b00i + a20i * b00r) + (-a21r * b01i + a21i * b01r) + (-a22r * b02i + a22i * b02r);
        c[co + 14] = a20r * b10r + a20i * b10i + a21r * b11r + a21i * b11i + a22r * b12r + a22i * b12i;
        c[co + 15] = (-a20r * b10i + a20i * b10r) + (-a21r * b11i + a21i * b11r) + (-a22r * b12i + a22i * b12r);
        c[co + 16] = a20r * b20r + a20i * b20i + a21r * b21r + a21i * b21i + a22r * b22r + a22i * b22i;
        c[co + 17] = (-a20r * b20i + a20i * b20r) + (-a21r * b21i + a21i * b21r) + (-a22r * b22i + a22i * b22r);
    }

    static void mulAN(double[] a, int ao, double[] b, int bo, double[] c, int co) {
        double a00r = a[ao + 0], a00i = a[ao + 1];
        double a01r = a[ao + 2], a01i = a[ao + 3];
        double a02r = a[ao + 4], a02i = a[ao + 5];
        double a10r = a[ao + 6], a10i = a[ao + 7];
        double a11r = a[ao + 8], a11i = a[ao + 9];
        double a12r = a[ao + 10], a12i = a[ao + 11];
        double a20r = a[ao + 12], a20i = a[ao + 13];
        double a21r = a[ao + 14], a21i = a[ao + 15];
        double a22r = a[ao + 16], a22i = a[ao + 17];
        double b00r = b[bo + 0], b00i = b[bo + 1];
        double b01r = b[bo + 2], b01i = b[bo + 3];
        double b02r = b[bo + 4], b02i = b[bo + 5];
        double b10r = b[bo + 6], b10i = b[bo + 7];
        double b11r = b[bo + 8], b11i = b[bo + 9];
        double b12r = b[bo + 10], b12i = b[bo + 11];
        double b20r = b[bo + 12], b20i = b[bo + 13];
        double b21r = b[bo + 14], b21i = b[bo + 15];
        double b22r = b[bo + 16], b22i = b[bo + 17];
        c[co + 0] = a00r * b00r + a00i * b00i + a10r * b10r + a10i * b10i + a20r * b20r + a20i * b20i;
        c[co + 1] = (a00r * b00i - a00i * b00r) + (a10r * b10i - a10i * b10r) + (a20r * b20i - a20i * b20r);
        c[co + 2] = a00r * b01r + a00i * b01i + a10r * b11r + a10i * b11i + a20r * b21r + a20i * b21i;
        c[co + 3] = (a00r * b01i - a00i * b01r) + (a10r * b11i - a10i * b11r) + (a20r * b21i - a20i * b21r);
        c[co + 4] = a00r * b02r + a00i * b02i + a10r * b12r + a10i * b12i + a20r * b22r + a20i * b22i;
        c[co + 5] = (a00r * b02i - a00i * b02r) + (a10r * b12i - a10i * b12r) + (a20r * b22i - a20i * b22r);
        c[co + 6] = a01r * b00r + a01i * b00i + a11r * b10r + a11i * b10i + a21r * b20r + a21i * b20i;
        c[co + 7] = (a01r * b00i - a01i * b00r) + (a11r * b10i - a11i * b10r) + (a21r * b20i - a21i * b20r);
        c[co + 8] = a01r * b01r + a01i * b01i + a11r * b11r + a11i * b11i + a21r * b21r + a21i * b21i;
        c[co + 9] = (a01r * b01i - a01i * b01r) + (a11r * b11i - a11i * b11r) + (a21r * b21i - a21i * b21r);
        c[co + 10] = a01r * b02r + a01i * b02i + a11r * b12r + a11i * b12i + a21r * b22r + a21i * b22i;
        c[co + 11] = (a01r * b02i - a01i * b02r) + (a11r * b12i - a11i * b12r) + (a21r * b22i - a21i * b22r);
        c[co + 12] = a02r * b00r + a02i * b00i + a12r * b10r + a12i * b10i + a22r * b20r + a22i * b20i;
        c[co + 13] = (a02r * b00i - a02i * b00r) + (a12r * b10i - a12i * b10r) + (a22r * b20i - a22i * b20r);
        c[co + 14] = a02r * b01r + a02i * b01i + a12r * b11r + a12i * b11i + a22r * b21r + a22i * b21i;
        c[co + 15] = (a02r * b01i - a02i * b01r) + (a12r * b11i - a12i * b11r) + (a22r * b21i - a22i * b21r);
        c[co + 16] = a02r * b02r + a02i * b02i + a12r * b12r + a12i * b12i + a22r * b22r + a22i * b22i;
        c[co + 17] = (a02r * b02i - a02i * b02r) + (a12r * b12i - a12i * b12r) + (a22r * b22i - a22i * b22r);
    }

    static void mulAA(double[] a, int ao, double[] b, int bo, double[] c, int co) {
        double a00r = a[ao + 0], a00i = a[ao + 1];
        double a01r = a[ao + 2], a01i = a[ao + 3];
        double a02r = a[ao + 4], a02i = a[ao + 5];
        double a10r = a[ao + 6], a10i = a[ao + 7];
        double a11r = a[ao + 8], a11i = a[ao + 9];
        double a12r = a[ao + 10], a12i = a[ao + 11];
        double a20r = a[ao + 12], a20i = a[ao + 13];
        double a21r = a[ao + 14], a21i = a[ao + 15];
        double a22r = a[ao + 16], a22i = a[ao + 17];
        double b00r = b[bo + 0], b00i = b[bo + 1];
        double b01r = b[bo + 2], b01i = b[bo + 3];
        double b02r = b[bo + 4], b02i = b[bo + 5];
        double b10r = b[bo + 6], b10i = b[bo + 7];
        double b11r = b[bo + 8], b11i = b[bo + 9];
        double b12r = b[bo + 10], b12i = b[bo + 11];
        double b20r = b[bo + 12], b20i = b[bo + 13];
        double b21r = b[bo + 14], b21i = b[bo + 15];
        double b22r = b[bo + 16], b22i = b[bo + 17];
        c[co + 0] = a00r * b00r - a00i * b00i + a10r * b01r - a10i * b01i + a20r * b02r - a20i * b02i;
        c[co + 1] = (-a00r * b00i - a00i * b00r) + (-a10r * b01i - a10i * b01r) + (-a20r * b02i - a20i * b02r);
        c[co + 2] = a00r * b10r - a00i * b10i + a10r * b11r - a10i * b11i + a20r * b12r - a20i * b12i;
        c[co + 3] = (-a00r * b10i - a00i * b10r) + (-a10r * b11i - a10i * b11r) + (-a20r * b12i - a20i * b12r);
        c[co + 4] = a00r * b20r - a00i * b20i + a10r * b21r - a10i * b21i + a20r * b22r - a20i * b22i;
        c[co + 5] = (-a00r * b20i - a00i * b20r) + (-a10r * b21i - a10i * b21r) + (-a20r * b22i - a20i * b22r);
        c[co + 6] = a01r * b00r - a01i * b00i + a11r * b01r - a11i * b01i + a21r * b02r - a21i * b02i;
        c[co + 7] = (-a01r * b00i - a01i * b00r) + (-a11r * b01i - a11i * b01r) + (-a21r * b02i - a21i * b02r);
        c[co + 8] = a01r * b10r - a01i * b10i + a11r * b11r - a11i * b11i + a21r * b12r - a21i * b12i;
        c[co + 9] = (-a01r * b10i - a01i * b10r) + (-a11r * b11i - a11i * b11r) + (-a21r * b12i - a21i * b12r);
        c[co + 10] = a01r * b20r - a01i * b20i + a11r * b21r - a11i * b21i + a21r * b22r - a21i * b22i;
        c[co + 11] = (-a01r * b20i - a01i * b20r) + (-a11r * b21i - a11i * b21r) + (-a21r * b22i - a21i * b22r);
        c[co + 12] = a02r * b00r - a02i * b00i + a12r * b01r - a12i * b01i + a22r * b02r - a22i * b02i;
        c[co + 13] = (-a02r * b00i - a02i * b00r) + (-a12r * b01i - a12i * b01r) + (-a22r * b02i - a22i * b02r);
        c[co + 14] = a02r * b10r - a02i * b10i + a12r * b11r - a12i * b11i + a22r * b12r - a22i * b12i;
        c[co + 15] = (-a02r * b10i - a02i * b10r) + (-a12r * b11i - a12i * b11r) + (-a22r * b12i - a22i * b12r);
        c[co + 16] = a02r * b20r - a02i * b20i + a12r * b21r - a12i * b21i + a22r * b22r - a22i * b22i;
        c[co + 17] = (-a02r * b20i - a02i * b20r) + (-a12r * b21i - a12i * b21r) + (-a22r * b22i - a22i * b22r);
    }
}
