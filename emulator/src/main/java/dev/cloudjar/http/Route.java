package dev.cloudjar.http;

import dev.cloudjar.protocol.Protocol;
import dev.cloudjar.protocol.ServiceId;

/** Where a request goes: the service, the protocol it spoke, and the operation the envelope named. */
record Route(ServiceId service, Protocol protocol, String target) {
}
