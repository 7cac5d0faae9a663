namespace Vartio.CrossingPoints.Webhooks;

public sealed class WebhookOptions
{
    /// <summary>Run the dispatcher and the status-change scheduler in this process.</summary>
    public bool Enabled { get; set; } = true;

    public int DispatchIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How often to look for scheduled status changes that have taken effect.</summary>
    public int ScheduleIntervalSeconds { get; set; } = 15;

    /// <summary>The first retry waits this long; each further one twice as long, up to six hours.</summary>
    public double RetryBaseSeconds { get; set; } = 10;

    /// <summary>Attempts before a delivery is given up (and stays in the log as such).</summary>
    public int MaxAttempts { get; set; } = 8;

    public int TimeoutSeconds { get; set; } = 10;
}
