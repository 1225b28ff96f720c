using LogViewer.Tui.State;

namespace LogViewer.Tui.Timeline;

/// <summary>Count the request's rows into timeline buckets, off the UI thread; answered with <see cref="TimelineCounted"/>.</summary>
internal sealed record CountTimeline(TimelineRequest Request) : ViewerEffect;
