using k8s;
using k8s.Models;

namespace SegRestore.Kube.Informers;

/// <summary>
/// A change the informer applied to its cache: <see cref="WatchEventType.Added"/>, <see cref="WatchEventType.Modified"/>
/// or <see cref="WatchEventType.Deleted"/> (a delete carries the last known state).
/// </summary>
public sealed record InformerEvent<TEntity>(WatchEventType Type, TEntity Entity);
