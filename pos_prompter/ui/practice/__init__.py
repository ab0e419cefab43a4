"""Practice mode on the till screen: the customer bubble, the scorecard, the scenario bar
(widgets) and the controller that runs the practice game at the till window."""
