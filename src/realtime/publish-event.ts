import type { RealtimeEvent } from '../contracts/index.ts';
import type { Bus, BusEvent } from './bus.ts';

/**
 * Publishes one event of the catalogue (src/contracts/events.ts): the type checker holds the
 * name and payload to what the console's realtime client expects. The bus itself stays
 * generic; domain code publishes through this.
 *
 * @example await publishEvent(bus, { workspaceId, type: 'contact.updated', data: { contactId } });
 */
export function publishEvent(bus: Bus, event: RealtimeEvent): Promise<BusEvent> {
  return bus.publish(event.workspaceId, event.type, event.data);
}
