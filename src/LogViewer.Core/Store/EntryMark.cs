using LogViewer.Core.Grouping;

namespace LogViewer.Core.Store;

/// <summary>
/// How a stored line stands in its entry (<see cref="EntryRule"/>), packed in one int per line: whether it continues
/// the entry of the previous line of its replica, whether a later line continued its entry after it, whether it
/// starts a traceback (the entry is then an error), and the rule's phase and line count after it, so grouping can
/// resume from any line (a late line regroups only the lines after it).
/// </summary>
internal readonly record struct EntryMark(int Bits)
{
    public const int ContinuedBit = 1 << 4;

    private const int PhaseMask = 0x7;
    private const int ContinuesBit = 1 << 3;
    private const int TracebackBit = 1 << 5;
    private const int CountShift = 8;

    public static EntryMark Of(EntryPhase phase, int lineInEntry, bool continues, bool traceback) =>
        new((int)phase | (continues ? ContinuesBit : 0) | (traceback ? TracebackBit : 0) | (lineInEntry << CountShift));

    /// <summary>The rule's phase once this line joined (or started) its entry.</summary>
    public EntryPhase Phase => (EntryPhase)(Bits & PhaseMask);

    /// <summary>This line's place in its entry: 0 for the line that starts it.</summary>
    public int LineInEntry => Bits >>> CountShift;

    /// <summary>The line joined the entry of the previous line of its replica.</summary>
    public bool Continues => (Bits & ContinuesBit) != 0;

    /// <summary>
    /// A later line of the entry follows this one. Set when that line arrives; after a late line splits an entry it may
    /// stay set on a line that is now last, so it means "look for more", never "there is more".
    /// </summary>
    public bool Continued => (Bits & ContinuedBit) != 0;

    /// <summary>The entry has other lines: this line continues one, or one continued it.</summary>
    public bool InGroup => (Bits & (ContinuesBit | ContinuedBit)) != 0;

    public bool Traceback => (Bits & TracebackBit) != 0;

    /// <summary>The same mark without <see cref="Continued"/>, which later lines set: what regrouping compares.</summary>
    public EntryMark WithoutContinued => new(Bits & ~ContinuedBit);
}
