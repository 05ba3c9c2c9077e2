/* Matrix multiply (int, double), transpose, Gaussian elimination determinant. */
#include <stdio.h>

#define N 64
static int A[N][N], B[N][N], C[N][N];
static double X[N][N], Y[N][N], Z[N][N];

int main(void)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = (i * 7 + j * 3) % 17 - 8;
            B[i][j] = (i * 5 ^ j * 11) % 13 - 6;
            X[i][j] = ((i + 1) * (j + 2) % 23) / 7.0 - 1.5;
            Y[i][j] = ((i * 3 + j) % 19) / 5.0 + (i == j ? 10.0 : 0.0);
        }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++) s += A[i][k] * B[k][j];
            C[i][j] = s;
        }
    long long tr = 0, tot = 0;
    for (int i = 0; i < N; i++) { tr += C[i][i]; for (int j = 0; j < N; j++) tot += (long long)C[i][j] * (i + 1); }
    printf("int matmul trace %lld weighted %lld c[3][5]=%d\n", tr, tot, C[3][5]);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            double x = X[i][k];
            for (int j = 0; j < N; j++) Z[i][j] += x * Y[k][j];
        }
    double dt = 0, ds = 0;
    for (int i = 0; i < N; i++) { dt += Z[i][i]; for (int j = 0; j < N; j++) ds += Z[i][j] * (j % 3 - 1); }
    printf("double matmul trace %.10f signed sum %.10f\n", dt, ds);
    for (int i = 0; i < N; i++) for (int j = i + 1; j < N; j++) { int t = C[i][j]; C[i][j] = C[j][i]; C[j][i] = t; }
    printf("transposed c[5][3]=%d\n", C[5][3]);
    /* determinant of Y (diagonally dominant) via elimination with partial pivoting */
    double det = 1;
    for (int c = 0; c < N; c++) {
        int p = c;
        for (int r = c + 1; r < N; r++) if ((Y[r][c] < 0 ? -Y[r][c] : Y[r][c]) > (Y[p][c] < 0 ? -Y[p][c] : Y[p][c])) p = r;
        if (p != c) { for (int k = 0; k < N; k++) { double t = Y[c][k]; Y[c][k] = Y[p][k]; Y[p][k] = t; } det = -det; }
        det *= Y[c][c];
        for (int r = c + 1; r < N; r++) {
            double f = Y[r][c] / Y[c][c];
            for (int k = c; k < N; k++) Y[r][k] -= f * Y[c][k];
        }
    }
    printf("det %.6e\n", det);
    return 0;
}
