"""Room Link's route handlers, one module per page group: joining (the code, the names,
leaving), following (the live part and its event stream) and writing (the forms a phone
sends). Each handler takes the room's `Site` and the request; `create_app` wires them."""
