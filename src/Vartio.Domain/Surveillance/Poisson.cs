namespace Vartio.Domain.Surveillance;

/// <summary>The Poisson distribution's upper tail, exact enough for p-values far below a millionth.</summary>
public static class Poisson
{
    /// <summary>P(N ≥ k) for N ~ Poisson(mean).</summary>
    public static double UpperTail(int k, double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        if (k <= 0)
        {
            return 1;
        }

        if (mean == 0)
        {
            return 0;
        }

        if (k <= mean)
        {
            // The tail is large: one minus the sum below k loses nothing that matters.
            var below = 0.0;
            for (var i = 0; i < k; i++)
            {
                below += Term(i, mean);
            }

            return Math.Max(0, 1 - below);
        }

        // The tail is small: summed from k upward, where the terms only fall, so no precision is lost to cancellation.
        var term = Term(k, mean);
        var sum = 0.0;
        for (var i = k; term > sum * 1e-17 && term > 0; i++)
        {
            sum += term;
            term *= mean / (i + 1);
        }

        return Math.Min(1, sum);
    }

    /// <summary>P(N = i), computed in logarithms so that large counts neither overflow nor underflow early.</summary>
    private static double Term(int i, double mean) => Math.Exp(-mean + (i * Math.Log(mean)) - LogFactorial(i));

    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }
}
