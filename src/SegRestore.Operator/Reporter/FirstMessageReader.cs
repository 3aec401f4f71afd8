using Grpc.Core;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// A request stream that runs a check on its first message before the handler sees it: how an interceptor gates a
/// client-streaming call whose first message names the attempt. A throwing check ends the call with its status.
/// </summary>
internal sealed class FirstMessageReader<T>(IAsyncStreamReader<T> inner, Func<T, CancellationToken, Task> onFirst) : IAsyncStreamReader<T>
{
    private bool _checked;

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (!_checked)
        {
            _checked = true;
            await onFirst(inner.Current, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
