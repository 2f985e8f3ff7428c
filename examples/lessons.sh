#!/bin/sh
# The two seed lessons (derivatives for AI, limits and extrema) followed with dfdx instead of
# Python. Run from a build: DFDX=./build/dfdx sh examples/lessons.sh
set -e
dfdx=${DFDX:-dfdx}
step() { printf '\n$ dfdx %s\n' "$*"; "$dfdx" "$@"; }

echo "== Lesson 1: the derivative as a rate of change =="
step 'x^2'                          # slope of the tangent: 2x
step 'x^3'                          # power rule: bring the exponent down, lower it by one
step '5'                            # a constant does not change: 0
step 'e^x'                          # e^x is its own derivative
step '3*x^2'                        # scalar multiple: 3*(2x) = 6x
step verify 'x^2' --at -3,-2,-1,0,1,2,3   # the numeric derivative table: central differences agree
step tangent 'x^2' --at 1.5          # the tangent line at x = 1.5: slope 3
step 'x^3 - 3*x'                    # the function drawn beside its derivative
step plot 'x^3 - 3*x' --from -2.5 --to 2.5 --mark extrema --ascii --size 70x22   # f' = 0 at the max and min
step 'w^2'                          # the loss L(w) = w^2 of the descent example
step 'w^4 - 8*w^2 + 2*w + 20'       # the bumpy loss with a local-minimum trap
# gradient descent, w <- w - lr * f'(w), the lesson's runs number for number
# (--plot: the path on the loss curve and the loss per step; one panel per rate when comparing)
step descend 'w^2' --start 4 --rate 0.15 --steps 15 --plot --ascii --size 60x16
step descend 'w^2' --start 4 --rate 0.01,0.15,0.9 --steps 20 --plot --ascii --size 60x14   # too small / just right / too large
step descend 'w^4 - 8*w^2 + 2*w + 20' --start -3.5 --rate 0.01 --steps 100 --tol 0 --rows 6 --plot --ascii --size 60x16
step descend 'w^4 - 8*w^2 + 2*w + 20' --start 2.5 --rate 0.01 --rows 0   # trapped in the local minimum

echo
echo "== Lesson 2: limits, extrema, the derivative table =="
step limit '1/(x+1)' --at -1        # left -oo, right oo: the limit does not exist
step limit 'relu(x)' --at 0         # ReLU: continuous at 0, but not differentiable there
step 'x^2 - 4*x + 3'                # f'(x) = 0 at x = 2: the minimum
step extrema 'x^2 - 4*x + 3'        # ... classified by the second-derivative test
step diff 'x^2 - 4*x + 3' --order 2 # second derivative test: positive, so a minimum
step 'sin(x)'
step 'cos(x)'
step 'ln(x)'
step diff '(w*x - y)^2' --var w     # d/dw (wx - y)^2 = 2(wx - y)x: the gradient of a squared error
step grad '(w*x - y)^2'
step descend '(w*x - y)^2' --start w=0 --set x=2,y=3 --rate 0.05 --rows 6   # learning w from one example
step '4*x^3 - 2*x^2 + x - 7'        # 12x^2 - 4x + 1

echo
echo "== Lesson 3, where it leads: from one neuron to backpropagation =="
step 'sigmoid(x)'                   # the textbook form: sigmoid(x)*(1 - sigmoid(x))
step 'relu(x)'                      # step(x): 0 left of 0, 1 right of it, undefined at 0
step backprop 'sigmoid(w*x + b)' --at w=0.5,x=2,b=0   # one neuron: forward, backward, gradient
step backprop '(w2*relu(w1*x + b1) + b2 - y)^2' --at w1=0.5,x=2,b1=0.1,w2=-1,b2=0.3,y=1   # two layers
step grad '(w2*relu(w1*x + b1) + b2 - y)^2'   # the same gradient, symbolically
# descent on data: the loss is the mean over the rows of a CSV file whose header names the columns
data=$(dirname "$0")
step descend '(w*x + b - y)^2' --data "$data/linreg.csv" --start w=0,b=0 --rate 0.05 --steps 2000 --rows 4   # linear regression: ends at the least-squares line
step descend '-(passed*ln(sigmoid(w*hours + b)) + (1 - passed)*ln(1 - sigmoid(w*hours + b)))' --data "$data/logistic.csv" --start w=0,b=0 --rate 0.5 --steps 3000 --rows 4   # logistic regression
